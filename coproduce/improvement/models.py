"""Co-produced improvement projects (seed 002; issue 23; ADR 0016): a concern raised by a
person who uses services, taken up with staff, tested in Plan-Do-Study-Act cycles,
measured on the evidence engine's charts, and told back to the people whose voices
started it.

The shape follows Life QI, the improvement platform used across the NHS: a charter with
a SMART aim, measures, a driver diagram, PDSA cycles on change ideas, annotated SPC
charts and the IHI's 0.5-5 progress score. Unlike it, a project cannot be opened
without a co-lead who has lived experience, and it keeps the voices behind it.

Nothing here is a person's clinical record: a project's measures are the trust's
published figures for its scope (small numbers hidden) or counts the team enters.
"""

from __future__ import annotations

import decimal

from django.conf import settings
from django.db import models
from django.db.models import Q


class Project(models.Model):
    class StartedFrom(models.TextChoices):
        VOICE = "voice", "A voice"
        INSIGHT = "insight", "An insight"
        PRIORITY = "priority", "A collective priority"
        ACTION = "action", "An action"
        NOTHING = "nothing", "None of these (say why)"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        ADOPTED = "adopted", "Change adopted"
        ENDED = "ended", "Ended"

    title = models.CharField(max_length=160)
    # The concern in plain words, as the person who raised it would say it.
    problem = models.TextField("Problem statement")

    # Where it started, kept for good: one of these, or a reason it started from none.
    started_from = models.CharField(max_length=16, choices=StartedFrom.choices)
    voice = models.ForeignKey(
        "voices.Voice", on_delete=models.PROTECT, null=True, blank=True, related_name="projects"
    )
    insight = models.ForeignKey(
        "change.Insight",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
    )
    # A collective priority is an insight ranked in a round: both are kept.
    priority_round = models.ForeignKey(
        "change.PriorityRound",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
    )
    action = models.ForeignKey(
        "change.Action",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
    )
    started_without_because = models.CharField(max_length=300, blank=True)
    # Everyone whose voice is behind the project: told what changed when it closes.
    voices = models.ManyToManyField("voices.Voice", blank=True, related_name="improvement_projects")

    # The SMART aim: what, for whom, how much (from a number to a number), by when.
    aim_what = models.CharField("What will improve", max_length=300)
    aim_for_whom = models.CharField("For whom", max_length=300)
    aim_from = models.DecimalField("From", max_digits=10, decimal_places=2, null=True, blank=True)
    aim_to = models.DecimalField("To", max_digits=10, decimal_places=2)
    aim_unit = models.CharField("Measured as", max_length=80)
    aim_by = models.DateField("By when")

    # Scope: teams, or whole services (a kind of team), or both.
    teams = models.ManyToManyField("care.Team", blank=True, related_name="improvement_projects")
    services = models.JSONField(default=list, blank=True)  # care.Team.Kind values

    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_because = models.TextField(blank=True)
    # The action the project's story is told through ("you said, we did"): the source
    # action, or one made for it when it closes (change.services).
    told_through = models.ForeignKey(
        "change.Action",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="told_projects",
    )

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Anything recorded on the project moves this (the portfolio's "last updated").
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(started_from="nothing") | ~Q(started_without_because=""),
                name="project_without_a_source_says_why",
            ),
            models.CheckConstraint(
                condition=~Q(started_from="voice") | Q(voice__isnull=False),
                name="project_from_a_voice_keeps_it",
            ),
            models.CheckConstraint(
                condition=~Q(started_from="insight") | Q(insight__isnull=False),
                name="project_from_an_insight_keeps_it",
            ),
            models.CheckConstraint(
                condition=~Q(started_from="priority")
                | Q(insight__isnull=False, priority_round__isnull=False),
                name="project_from_a_priority_keeps_it",
            ),
            models.CheckConstraint(
                condition=~Q(started_from="action") | Q(action__isnull=False),
                name="project_from_an_action_keeps_it",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ProjectRole(models.TextChoices):
    CO_LEAD = "co_lead", "Co-lead"
    SPONSOR = "sponsor", "Sponsor"
    DATA_LEAD = "data_lead", "Data lead"
    TEAM_MEMBER = "team_member", "Team member"
    ADVISER = "adviser", "Adviser"


class TeamMember(models.Model):
    """One person on a project's team: a member of staff (a user) or a member of the
    involvement network (who may have no account). Leaving keeps the row, with when and
    why, so the project's history stays whole."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="improvement_roles",
    )
    member = models.ForeignKey(
        "network.Member",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="improvement_roles",
    )
    role = models.CharField(max_length=16, choices=ProjectRole.choices)
    # A member of the network who is a full member of the team (decides with it), not
    # one consulted by it (Life QI's users asked for this; seed 002's point).
    full_member = models.BooleanField(default=True)
    joined_on = models.DateField()
    left_on = models.DateField(null=True, blank=True)
    left_because = models.CharField(max_length=300, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["role", "joined_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False) | Q(member__isnull=False),
                name="team_member_is_staff_or_network_member",
            ),
        ]

    def __str__(self) -> str:
        return f"Team member {self.pk}"

    @property
    def lived_experience(self) -> bool:
        """A network member who is not a member of staff (a person who uses services, a
        carer, a peer worker) brings lived experience."""
        from coproduce.network.models import Member

        return self.member is not None and self.member.kind != Member.Kind.STAFF

    @property
    def display_name(self) -> str:
        if self.member is not None:
            return self.member.display_name
        assert self.user is not None  # noqa: S101 - the constraint
        return self.user.display_name


class Better(models.TextChoices):
    """Which way is better, as the SPC engine takes it (``evidence.spc.Improvement``)."""

    UP = "up", "Higher is better"
    DOWN = "down", "Lower is better"
    NEITHER = "neither", "Neither"


class Measure(models.Model):
    class Kind(models.TextChoices):
        OUTCOME = "outcome", "Outcome measure"
        PROCESS = "process", "Process measure"
        BALANCING = "balancing", "Balancing measure"

    class Source(models.TextChoices):
        """The evidence engine's monthly figures a measure may be bound to, for the
        project's scope (improvement.measures works each one out)."""

        DISTINCT_STAFF = "distinct_staff", "Distinct staff per episode"
        CONTINUITY_INDEX = "continuity_index", "Continuity of Care index"
        TIME_ON_CASELOAD = "time_on_caseload", "Median days on the caseload"
        DISENGAGEMENT = "disengagement", "Share of closed episodes disengaged"
        EXPERIENCE = "experience", "Experience rated good or very good"
        RESPONSE = "response", "Urgent referrals seen within their target"
        COUNTED = "counted", "Counted by the team"

    class Period(models.TextChoices):
        WEEK = "week", "Weekly"
        MONTH = "month", "Monthly"

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="measures")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    name = models.CharField(max_length=160)
    definition = models.TextField(blank=True)
    source = models.CharField(max_length=24, choices=Source.choices)
    # Evidence figures are monthly; a counted measure is entered weekly or monthly.
    period = models.CharField(max_length=8, choices=Period.choices, default=Period.MONTH)
    better = models.CharField(max_length=8, choices=Better.choices)
    unit = models.CharField(max_length=40, blank=True)  # "staff", "days", "%"
    # A target the measure should meet (the aim's figure, for its outcome measure): the
    # chart's assurance icon says whether the process will meet it.
    target = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    # The baseline is the periods before this day (default: before the first cycle began).
    baseline_until = models.DateField(null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["project", "kind", "position", "pk"]

    def __str__(self) -> str:
        return self.name


class CountedValue(models.Model):
    """A counted measure's figure for one week (its Monday) or month (its first day),
    with who entered it. Entering it again keeps the earlier figure (``replaced_by``)."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="counted")
    period_start = models.DateField()
    value = models.DecimalField(max_digits=12, decimal_places=2)
    note = models.CharField(max_length=300, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now_add=True)
    replaced_by = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="replaces"
    )

    class Meta:
        ordering = ["measure", "period_start", "-entered_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "period_start"],
                condition=Q(replaced_by__isnull=True),
                name="one_current_value_a_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.measure} {self.period_start}: {self.value}"


class Recalculation(models.Model):
    """From this period on, one measure's chart has new mean and limits, because the
    team changed the process then (Making Data Count): chosen by a person, with why."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="recalculations")
    starts = models.DateField(help_text="The first day of the week or month the new limits start")
    reason = models.CharField(max_length=300)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["measure", "starts"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "starts"], name="one_recalculation_a_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.measure} from {self.starts}"


class Driver(models.Model):
    """A driver of the aim: primary (``parent`` empty) or secondary (under a primary)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="drivers")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="secondary"
    )
    text = models.CharField(max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["project", "position", "pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def primary(self) -> bool:
        return self.parent_id is None


class ChangeIdea(models.Model):
    """A change that might move the drivers it hangs from (usually secondary ones)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="change_ideas")
    drivers = models.ManyToManyField(Driver, related_name="change_ideas")
    text = models.CharField(max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["project", "position", "pk"]

    def __str__(self) -> str:
        return self.text


class Cycle(models.Model):
    """One Plan-Do-Study-Act cycle testing a change idea; each may follow the one before,
    so a chain tells how the idea grew (one team, then two, then all)."""

    class Stage(models.TextChoices):
        PLAN = "plan", "Plan"
        DO = "do", "Do"
        STUDY = "study", "Study"
        ACT = "act", "Act"
        DONE = "done", "Acted on"

    class Decision(models.TextChoices):
        ADOPT = "adopt", "Adopt"
        ADAPT = "adapt", "Adapt"
        ABANDON = "abandon", "Abandon"

    change_idea = models.ForeignKey(ChangeIdea, on_delete=models.PROTECT, related_name="cycles")
    follows = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="followed_by"
    )
    title = models.CharField(max_length=160)
    stage = models.CharField(max_length=8, choices=Stage.choices, default=Stage.PLAN)
    # Plan
    objective = models.TextField()
    questions = models.TextField(blank=True)
    prediction = models.TextField()
    who = models.CharField(max_length=300, blank=True)
    where = models.CharField(max_length=300, blank=True)
    starts_on = models.DateField()
    ends_on = models.DateField()
    measures = models.ManyToManyField(Measure, blank=True, related_name="cycles")
    # When each stage began: a cycle moves only forward, and keeps when it did.
    do_started_at = models.DateTimeField(null=True, blank=True)
    study_started_at = models.DateTimeField(null=True, blank=True)
    # Study: the result beside the prediction, in words (the charts come from the data).
    result = models.TextField(blank=True)
    studied_at = models.DateTimeField(null=True, blank=True)
    # Act
    decision = models.CharField(max_length=8, choices=Decision.choices, blank=True)
    decided_because = models.TextField(blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["change_idea", "starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="cycle_ends_after_it_starts"
            ),
            models.CheckConstraint(
                condition=Q(decision="") | ~Q(decided_because=""), name="cycle_decision_says_why"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Task(models.Model):
    """A task in a cycle's plan, with its owner and due date."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="tasks")
    text = models.CharField(max_length=300)
    owner = models.ForeignKey(TeamMember, on_delete=models.PROTECT, related_name="tasks")
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["cycle", "due_on", "pk"]

    def __str__(self) -> str:
        return self.text


class Observation(models.Model):
    """The Do stage, dated: what happened, a problem met, or something noticed."""

    class Kind(models.TextChoices):
        HAPPENED = "happened", "What happened"
        PROBLEM = "problem", "A problem"
        OBSERVATION = "observation", "An observation"

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="observations")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    on = models.DateField()
    text = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["cycle", "on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.on}"


class Annotation(models.Model):
    """A note on the project's charts at a date: a change made, an event ("training
    sessions delivered"). The cycles annotate the charts by themselves; these are the rest.
    With no measure it is drawn on every chart of the project."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="annotations")
    measure = models.ForeignKey(
        Measure, on_delete=models.CASCADE, null=True, blank=True, related_name="annotations"
    )
    on = models.DateField()
    text = models.CharField(max_length=200)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["project", "on", "pk"]

    def __str__(self) -> str:
        return self.text


class ProgressScore(models.Model):
    """The IHI's 0.5-5 assessment of progress, set by the team with a note; the latest is
    the project's score, and the history stays."""

    class Score(models.TextChoices):
        # The Institute for Healthcare Improvement's assessment scale (Breakthrough
        # Series), as Life QI shows it.
        INTENT = "0.5", "0.5 Intent to take part"
        FORMED = "1.0", "1.0 Charter and team formed"
        PLANNING = "1.5", "1.5 Planning for the project has begun"
        ACTIVITY = "2.0", "2.0 Activity, but no changes"
        TESTED = "2.5", "2.5 Changes tested, but no improvement"
        MODEST = "3.0", "3.0 Modest improvement"
        IMPROVEMENT = "3.5", "3.5 Improvement"
        SIGNIFICANT = "4.0", "4.0 Significant improvement"
        SUSTAINABLE = "4.5", "4.5 Sustainable improvement"
        OUTSTANDING = "5.0", "5.0 Outstanding sustainable results"

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="scores")
    score = models.CharField(max_length=3, choices=Score.choices)
    note = models.CharField(max_length=500)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["project", "-set_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.project}: {self.score}"

    @property
    def value(self) -> decimal.Decimal:
        return decimal.Decimal(self.score)


class TimeSpent(models.Model):
    """Staff time given to the project (the seed's lesson: dedicated time). Members'
    involvement is paid through the network's claims for the project's meetings."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="time_spent")
    person = models.ForeignKey(TeamMember, on_delete=models.PROTECT, related_name="time_spent")
    on = models.DateField()
    hours = models.DecimalField(max_digits=5, decimal_places=2)
    what = models.CharField(max_length=200)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["project", "-on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gt=0) & Q(hours__lte=24), name="time_spent_hours_in_a_day"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.hours} hours on {self.on}"


class ProjectMeeting(models.Model):
    """A network meeting held for the project (a workshop, an open forum): its members'
    payment claims count towards the project's cost."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="meetings")
    meeting = models.OneToOneField(
        "network.Meeting", on_delete=models.PROTECT, related_name="improvement_project"
    )
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    linked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["project", "pk"]

    def __str__(self) -> str:
        return f"{self.project}: {self.meeting}"
