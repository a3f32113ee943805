"""Operations on the change loop. Each runs in one transaction and audits who did it.

The golden thread: voices → insight → collective priority → action → "you said, we did",
told back to the contributors whose voices led to it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, User
from coproduce.accounts.submissions import once
from coproduce.change import delivery, ranking, tasks
from coproduce.change.models import (
    Action,
    Ballot,
    Insight,
    OutboxMessage,
    PriorityRound,
    Update,
    UpdateTranslation,
)
from coproduce.lib.dates import in_words
from coproduce.lib.formats import Format
from coproduce.messaging import formats
from coproduce.network.models import Ladder, Meeting, MeetingSeries, Member
from coproduce.voices import anonymise
from coproduce.voices.models import Voice
from coproduce.voices.services import mask_known_names, public_quotes


@once
@transaction.atomic
def create_insight(
    user: User,
    statement: str,
    voices: list[Voice] | None = None,
    written_with: Iterable[User] = (),
    *,
    identifies_no_one: bool = False,
    submission: str = "",
) -> Insight:
    """A new insight. Its words are refused while they seem to identify someone, unless
    the lead says they identify no one (``check_identifying``), by every route."""
    check_identifying(statement, identifies_no_one)
    check_not_a_copy(statement)
    insight = Insight.objects.create(statement=statement, created_by=user)
    insight.written_with.set(written_with)
    for voice in voices or []:
        add_voice_to_insight(user, insight, voice)
    audit.record(user, AuditEvent.Action.CREATED, insight)
    return insight


class Identifying(ValidationError):
    """An insight's words seem to identify someone: ``masked`` is how they would read
    with that masked."""

    def __init__(self, masked: str) -> None:
        super().__init__(
            "Network members read insights when they rank priorities, so leave out "
            "anything that could identify "
            "someone. Masked, it would read: \u201c" + masked + "\u201d Take out the "
            "name or details, or tick \u201cThese words identify no one\u201d.",
            code="identifying",
        )
        self.masked = masked


def check_identifying(statement: str, identifies_no_one: bool = False) -> None:
    """Network members rank insights and read them on actions, so words that look as if
    they name someone or give their details are refused until mended, or until the lead
    says they identify no one (a fresh-eyes trial's "John Smith on 07700 900123" went on
    a members' ballot). Found as the public pages find it (``mask_known_names``), which
    can mistake an ordinary word for a name: hence the lead's word."""
    masked = mask_known_names(statement) if statement else ""
    if masked != statement and not identifies_no_one:
        raise Identifying(masked)


def check_not_a_copy(statement: str, insight: Insight | None = None) -> None:
    """Two insights with the same words split the evidence and the members' votes (a
    fresh-eyes trial made two from one theme in two tabs): refused, naming the first."""
    words = " ".join(statement.split())
    same = Insight.objects.filter(statement__iexact=words)
    if insight is not None:
        same = same.exclude(pk=insight.pk)
    first = same.order_by("pk").first()
    if first is not None:
        raise ValidationError(
            f"Insight {first.pk} already says this. Add voices to it from each voice's page, "
            "or write what is different about this one.",
            code="copy",
        )


class ChangedMeanwhile(ValidationError):
    """The words were changed by someone else after this page showed them."""


@transaction.atomic
def reword_insight(
    user: User,
    insight: Insight,
    statement: str,
    *,
    identifies_no_one: bool = False,
    was: str | None = None,
) -> Insight:
    """Change an insight's words: to mend them, or to rewrite a theme's draft in plain
    words. Checked as new words are; when members have already ranked it, the round
    pages say it was reworded after they did (``Insight.reworded_at``)."""
    check_identifying(statement, identifies_no_one)
    locked = Insight.objects.select_for_update().get(pk=insight.pk)
    if locked.statement == statement:
        return locked
    if was is not None and was != locked.statement:
        # Another tab or lead changed them after this page showed them: not overwritten.
        raise ChangedMeanwhile(
            "Someone changed these words after you opened this page. They now read: \u201c"
            + locked.statement
            + "\u201d Check them, then change them again if they still need it."
        )
    check_not_a_copy(statement, locked)
    locked.statement = statement
    locked.reworded_at = timezone.now()
    locked.save(update_fields=["statement", "reworded_at"])
    audit.record(user, AuditEvent.Action.CHANGED, locked, "reworded")
    return locked


@transaction.atomic
def add_voice_to_insight(user: User, insight: Insight, voice: Voice) -> None:
    """Link a voice as evidence. Only voices given for improvement may be used."""
    if not voice.consent_improvement or voice.withdrawn_at is not None:
        raise ValidationError(
            "This voice cannot be used as evidence: the person did not agree to their "
            "feedback being used to improve services, or has withdrawn it."
        )
    insight.voices.add(voice)
    audit.record(user, AuditEvent.Action.CHANGED, insight, f"added voice {voice.pk}")


@dataclass(frozen=True)
class Quote:
    text: str
    # The voice raised a risk alert: shown marked, never as ordinary feedback.
    at_risk: bool


@dataclass(frozen=True)
class Evidence:
    """What an insight's linked voices say, read once (issue 25: they were read three
    times for one page)."""

    voices: int
    by_category: list[tuple[str, int]]  # voices counted by enquiry category, most first
    by_service: list[tuple[str, int]]  # by the service they are about, most first
    quotes: list[Quote]
    at_risk: int  # how many raised a risk alert


def insight_evidence(insight: Insight, quotes: int = 3) -> Evidence:
    """The insight's evidence. Quotes are words people agreed to have quoted, masked,
    newest first: the approved public quote where a lead approved one, else the text
    masked by the same rules (names, numbers, addresses)."""
    voices = list(
        insight.voices.with_risk_marks()
        .select_related("team")
        .prefetch_related("categories")
        .order_by("-pk")
    )
    quoted: list[Quote] = []
    for voice in voices:
        if len(quoted) == quotes:
            break
        if voice.consent_quote and voice.text:
            at_risk = bool(getattr(voice, "has_risk_alert", False))
            quote = Quote(voice.public_quote or anonymise.mask(voice.text), at_risk)
            # The same words from several people are quoted once (helper-73 read one
            # sentence three times as an insight's evidence).
            if all(q.text != quote.text for q in quoted):
                quoted.append(quote)
    return Evidence(
        voices=len(voices),
        by_category=Counter(
            category.name for voice in voices for category in voice.categories.all()
        ).most_common(),
        by_service=Counter(
            voice.team.name if voice.team else "Not said" for voice in voices
        ).most_common(),
        quotes=quoted,
        at_risk=sum(1 for voice in voices if getattr(voice, "has_risk_alert", False)),
    )


# Collective priorities --------------------------------------------------------------


@once
@transaction.atomic
def open_round(
    user: User, title: str, insights: Sequence[Insight], *, submission: str = ""
) -> PriorityRound:
    if len(insights) < 2:
        raise ValidationError("Choose at least two insights for members to rank")
    priority_round = PriorityRound.objects.create(
        title=title, opened_at=timezone.now(), created_by=user
    )
    priority_round.insights.set(insights)
    audit.record(user, AuditEvent.Action.CREATED, priority_round)
    return priority_round


@transaction.atomic
def cast_ballot(
    member: Member, priority_round: PriorityRound, ranking_groups: list[list[int]]
) -> Ballot:
    """Record (or replace) a member's ballot. An empty ranking is an abstention.

    Refused, naming the problem, if the round is closed or the ballot ranks an insight
    twice or one that is not in the round.
    """
    if not priority_round.is_open:
        raise ValidationError("This round has closed: ballots can no longer be cast")
    candidates = list(priority_round.insights.values_list("pk", flat=True))
    groups = [list(group) for group in ranking_groups if group]
    try:
        ranking.check_ballot(groups, candidates)
    except ranking.BallotError as error:
        raise ValidationError(f"Ballot refused: insight {error}") from None
    ballot, _ = Ballot.objects.update_or_create(
        round=priority_round,
        member=member,
        defaults={"ranking": groups, "abstained": not groups, "cast_at": timezone.now()},
    )
    return ballot


def count_round(priority_round: PriorityRound) -> ranking.Result[int]:
    candidates = sorted(priority_round.insights.values_list("pk", flat=True))
    ballots = [b.ranking for b in priority_round.ballots.all()]
    return ranking.schulze(candidates, ballots)


# With fewer ballots, a running count would show a member how the others (or, with one
# ballot, they themselves) voted.
RUNNING_TOTALS_FROM = 8


def results_open_to_members(priority_round: PriorityRound) -> bool:
    """Members see a round's result once it has closed; while it is open, only if the lead
    chose to show running totals and at least ``RUNNING_TOTALS_FROM`` ballots are in."""
    if not priority_round.is_open:
        return True
    return (
        priority_round.show_running_totals and priority_round.ballots.count() >= RUNNING_TOTALS_FROM
    )


def round_result(
    priority_round: PriorityRound, *, running: bool = False
) -> ranking.Result[int] | None:
    """The round's result as kept when it closed. While it is open, the count so far only
    for those who run the round (``running``) once ``RUNNING_TOTALS_FROM`` ballots are in
    (with fewer, the order so far can show how one member ranked: the ballot is secret
    from staff too), or when ``results_open_to_members``; otherwise None: the result is
    not shown yet."""
    if not priority_round.is_open:
        return ranking.Result.from_stored(priority_round.result)
    if results_open_to_members(priority_round) or (
        running and priority_round.ballots.count() >= RUNNING_TOTALS_FROM
    ):
        return count_round(priority_round)
    return None


@transaction.atomic
def show_running_totals(user: User, priority_round: PriorityRound, *, show: bool) -> PriorityRound:
    """The lead's choice to show members the count so far while the round is open."""
    if not priority_round.is_open:
        raise ValidationError("This round has closed: its result is shown to everyone")
    if show and priority_round.ballots.count() < RUNNING_TOTALS_FROM:
        raise ValidationError(
            f"Running totals can be shown once at least {RUNNING_TOTALS_FROM} ballots are in "
            f"({priority_round.ballots.count()} so far)"
        )
    priority_round.show_running_totals = show
    priority_round.save(update_fields=["show_running_totals"])
    audit.record(
        user,
        AuditEvent.Action.CHANGED,
        priority_round,
        "running totals shown" if show else "running totals hidden",
    )
    return priority_round


@transaction.atomic
def close_round(user: User, priority_round: PriorityRound) -> PriorityRound:
    """Close the round and keep its result as counted then."""
    if not priority_round.is_open:
        raise ValidationError("This round is already closed")
    priority_round.result = count_round(priority_round).stored()
    priority_round.closed_at = timezone.now()
    priority_round.save(update_fields=["result", "closed_at"])
    audit.record(user, AuditEvent.Action.CHANGED, priority_round, "closed")
    return priority_round


@dataclass(frozen=True)
class Standing:
    priority_round: PriorityRound
    place: int
    of: int


def standing(insight: Insight) -> Standing | None:
    """The insight's place in the latest closed round that ranked it."""
    for priority_round in insight.priority_rounds.filter(closed_at__isnull=False).order_by(
        "-closed_at"
    ):
        result = round_result(priority_round)
        if result is not None and insight.pk in result.order:
            return Standing(
                priority_round, result.place_of(insight.pk), priority_round.insights.count()
            )
    return None


# Actions ----------------------------------------------------------------------------


@once
@transaction.atomic
def record_action(
    user: User,
    insight: Insight,
    *,
    description: str,
    owner: User,
    due_on: dt.date,
    framework: str = "",
    metric: str = "",
    ladder: str = "",
    arising_from: Any = None,
    submission: str = "",
) -> Action:
    action = Action.objects.create(
        insight=insight,
        description=description,
        owner=owner,
        due_on=due_on,
        framework=framework,
        metric=metric,
        ladder=ladder,
        arising_from=arising_from,
        created_by=user,
    )
    audit.record(user, AuditEvent.Action.CREATED, action)
    return action


@transaction.atomic
def change_action_status(user: User, action: Action, status: str) -> Action:
    if status not in Action.Status.values:
        raise ValidationError(f"{status!r} is not a status an action can have")
    before = action.status
    action.status = status
    action.save(update_fields=["status"])
    audit.record(user, AuditEvent.Action.CHANGED, action, f"status {before} → {status}")
    return action


def overdue_actions(today: dt.date | None = None) -> list[Action]:
    today = today or timezone.localdate()
    return list(Action.objects.overdue(today).select_related("owner", "insight").order_by("due_on"))


# "You said, we did" -----------------------------------------------------------------


def masked(text: str) -> str:
    """What may be said in public: names, numbers, emails and addresses masked."""
    return mask_known_names(text)


@dataclass(frozen=True)
class UpdatePreview:
    """What publishing an update would do, before it is done: the masked words for the
    public page, every version the contributors would be sent, and the action's latest
    update then. ``digest`` names exactly this; publishing needs it back
    (``publish_update``)."""

    you_said: str
    we_did: str
    easy_read: str
    copies: list[delivery.Copy]
    digest: str
    # The action's latest update when this was previewed (None: this is its first), shown
    # so the lead sees a repeat before sending it; publishing is refused if another has
    # been published since (``PublishedMeanwhile``).
    after: Update | None = None
    # Updates about this action sent to its contributors today, before this one.
    told_today: int = 0
    # The approved quotes shown with it in public: these, and no quote approved later.
    quotes: list[Voice] = field(default_factory=list)
    # Of the contributors, those told only once their open risk alert is acknowledged,
    # and how they will be reached then (``delivery.way_for``: way → how many).
    held: int = 0
    held_ways: tuple[tuple[str, int], ...] = ()
    # The lead's "You told us …" lost its opening, which every version says already.
    lead_in_dropped: bool = False

    def digest_after(self, after: int | None) -> str:
        """The digest of these words, versions and quotes previewed after update ``after``."""
        return _digest(
            (self.you_said, self.we_did, self.easy_read), self.copies, after, self.quote_keys
        )

    @property
    def quote_keys(self) -> list[list[Any]]:
        return [quote_key(voice) for voice in self.quotes]

    @property
    def owed_to(self) -> int:
        return sum(copy.contributors for copy in self.copies)

    @property
    def masked_something(self) -> bool:
        return anonymise.NAME_MASK in self.text or anonymise.MASK in self.text

    @property
    def text(self) -> str:
        return "\n".join([self.you_said, self.we_did, self.easy_read])


def _digest(
    words: tuple[str, str, str],
    copies: list[delivery.Copy],
    after: int | None,
    quotes: list[list[Any]],
) -> str:
    payload = json.dumps(
        [words, [copy.key() for copy in copies], after, quotes], ensure_ascii=False
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def quote_key(voice: Voice) -> list[Any]:
    """A quote as an update keeps it: the voice, and a hash of the words approved (the
    update keeps no copy of them, so a withdrawal or a takedown leaves none behind)."""
    return [voice.pk, hashlib.sha256(voice.public_quote.encode()).hexdigest()[:32]]


def _preview(
    action: Action,
    you_said: str,
    we_did: str,
    easy_read: str,
    *,
    after: Update | None,
    told_today: int = 0,
) -> UpdatePreview:
    # Every format says "You told us:" before the words, so they do not say it again.
    words = (formats.without_lead_in(masked(you_said)), masked(we_did), masked(easy_read))
    copies = delivery.preview_copies(action, *words)
    quotes = quoted_with(action)
    dropped = words[0] != masked(you_said)
    you_said, we_did, easy_read = words
    preview = UpdatePreview(
        you_said,
        we_did,
        easy_read,
        copies=copies,
        digest="",
        after=after,
        told_today=told_today,
        quotes=quotes,
        lead_in_dropped=dropped,
    )
    return replace(preview, digest=preview.digest_after(after.pk if after else None))


def latest_update(action: Action) -> Update | None:
    """The action's update published last, with who published it."""
    return action.updates.select_related("published_by").order_by("-published_at", "-pk").first()


def _told_today(action: Action) -> int:
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    return action.updates.filter(published_at__gte=midnight, owed_to__gt=0).count()


# Approved quotes shown with an action's update in public, at most.
QUOTES_SHOWN = 2


def quoted_with(action: Action) -> list[Voice]:
    """The approved quotes an update for the action would be shown with, on the preview
    before publishing (``voices.services.public_quotes``)."""
    return list(public_quotes(action.insight.voices.all())[:QUOTES_SHOWN])


def published_quotes(update: Update) -> list[Voice]:
    """The quotes shown with a published update: those previewed and published with it,
    while each is still approved in the same words (a person who withdraws, or a quote
    taken down or changed, leaves the page). A quote approved after the update was
    published is not put on it unseen (found by a fresh-eyes trial). Updates published
    before their quotes were kept (``Update.quotes`` None) show the action's quotes."""
    if update.quotes is None:
        return quoted_with(update.action)
    kept = dict(update.quotes)
    still = public_quotes(update.action.insight.voices.filter(pk__in=kept))
    return [voice for voice in still.order_by("pk") if quote_key(voice)[1] == kept[voice.pk]]


def quoted_in_public(voice: Voice) -> bool:
    """Whether a published update shows ``voice``'s words as a quote now: what the page
    withdrawing it tells its giver (a fresh-eyes trial was told "we had quoted your
    words" of a quote approved but never published)."""
    updates = Update.objects.filter(action__insight__voices=voice).select_related("action__insight")
    return any(voice in published_quotes(update) for update in updates)


def preview_update(
    user: User, action: Action, *, you_said: str, we_did: str, easy_read: str = ""
) -> UpdatePreview:
    """Show the lead, before anything goes live or is queued, the update exactly as it
    will be published and as each contributor will get it (hazard H21: masking misses
    some names). Nothing is stored but the audit of the preview; its audio version is
    made by a task, to be heard on the preview page. It says when the action's
    contributors were last told (found by a fresh-eyes trial: a third update went out the
    same day with no sign of the two before it)."""
    preview = _preview(
        action,
        you_said,
        we_did,
        easy_read,
        after=latest_update(action),
        told_today=_told_today(action),
    )
    held = delivery.one_per_address(delivery.contributors(action)).filter(
        delivery.held_for_an_alert()
    )
    # The way each is reached, so the lead knows what will go out once the alert is
    # acknowledged (helper-79: the preview said one was held, not how they would be told).
    ways = Counter(
        delivery.way_for(channel, fmt or Format.STANDARD)
        for channel, fmt in held.values_list("contact_channel", "contact_format")
    )
    preview = replace(preview, held=ways.total(), held_ways=tuple(sorted(ways.items())))
    audit.record(user, AuditEvent.Action.VIEWED, action, f"previewed an update {preview.digest}")
    transaction.on_commit(
        lambda: tasks.make_preview_audio.enqueue(
            preview.digest, preview.you_said, preview.we_did, action.status
        )
    )
    return preview


class PreviewChanged(ValidationError):
    pass


class PublishedMeanwhile(PreviewChanged):
    """Another update for the action was published after this one was previewed (in
    another tab, or by another lead): publishing this one too would tell every
    contributor twice (hazard H5). ``update`` is the one published."""

    def __init__(self, update: Update, user: User) -> None:
        self.update = update
        local = timezone.localtime(update.published_at)
        when = (
            f"at {local:%H:%M}"
            if local.date() == timezone.localdate()
            else f"on {in_words(update.published_at)}"
        )
        by = (
            "you, in another tab or window,"
            if update.published_by_id == user.pk
            else update.published_by.name_and_role
        )
        super().__init__(
            f"An update for this action was published {when} by {by} while you were "
            "previewing this one"
        )


@once
@transaction.atomic
def publish_update(
    user: User,
    action: Action,
    *,
    you_said: str,
    we_did: str,
    easy_read: str = "",
    confirmed: str,
    submission: str = "",
) -> Update:
    """Publish a "you said, we did" update and owe it to every consenting contributor.

    Only as previewed: ``confirmed`` is the digest of the preview the publisher saw and
    confirmed (``preview_update``). If the masked words, or any contributor's version,
    would differ from it (other words, a newly linked contributor in a new format, a
    name added to our records), nothing is published or sent and the publisher is asked
    to look again. If another update for the action was published after the preview
    (another tab, another lead, or two confirms at once), it is refused naming that update
    (``PublishedMeanwhile``): one confirm waits for the other on the action's row, so it
    sees the update the other made (found by a fresh-eyes trial: two tabs' confirms made
    two updates, and every contributor was told twice). The request commits the update
    and how many are owed it, and nothing slower: once it commits, tasks make the audio
    version and tell every voice's giver who asked to be told, on their channel, in their
    format (``coproduce.change.tasks``), so publishing takes the same moment for ten
    contributors or a hundred thousand, and a rolled-back publish tells no one.
    """
    # One publish of an action at a time: a second waits here until the first commits,
    # then finds its update below (SQLite takes one writer at a time in any case).
    Action.objects.select_for_update().filter(pk=action.pk).values_list("pk", flat=True).get()
    latest = latest_update(action)
    preview = _preview(action, you_said, we_did, easy_read, after=latest)
    if not confirmed or confirmed != preview.digest:
        if latest is not None and confirmed in {
            preview.digest_after(earlier)
            for earlier in [
                None,
                *action.updates.exclude(pk=latest.pk).values_list("pk", flat=True),
            ]
        }:
            # The same words and versions, previewed before ``latest`` was published.
            raise PublishedMeanwhile(latest, user)
        raise PreviewChanged(
            "What would be published or sent is not what you previewed: the words, the "
            "quotes shown with them, or the versions contributors would get, have changed. "
            "Check the preview again and confirm it."
        )
    update = Update.objects.create(
        action=action,
        you_said=preview.you_said,
        we_did=preview.we_did,
        easy_read=preview.easy_read,
        published_at=timezone.now(),
        published_by=user,
        checked_by=user,
        owed_to=preview.owed_to,  # every contributor is in one version, counted once
        withdrawn_not_contacted=Insight.objects.get(pk=action.insight_id).withdrawn_contributors,
        quotes=preview.quote_keys,
    )
    audit.record(
        user,
        AuditEvent.Action.CREATED,
        update,
        f"published after confirming preview {preview.digest}: "
        f"{len(preview.copies)} versions for {preview.owed_to} contributors",
    )
    transaction.on_commit(lambda: tasks.make_update_audio.enqueue(update.pk, "en"))
    transaction.on_commit(lambda: tasks.tell_contributors.enqueue(update.pk))
    return update


@dataclass(frozen=True)
class TranslationPreview:
    """A translation as it would be published and sent (masked), and the digest that
    saving it needs back, so nothing is saved that the lead has not read."""

    language: str
    you_said: str
    we_did: str
    copies: list[delivery.Copy]  # what contributors in that language not yet told get
    digest: str

    @property
    def owed_to(self) -> int:
        return sum(copy.contributors for copy in self.copies)


def preview_translation(
    update: Update, *, language: str, you_said: str, we_did: str
) -> TranslationPreview:
    """The translation masked, as the public page will show it in that language, and
    every version its contributors who read it and are not yet told would get."""
    words = [language, masked(you_said), masked(we_did)]
    copies = delivery.preview_copies(
        update.action, words[1], words[2], "", language=language, update=update
    )
    payload = json.dumps([update.pk, words, [c.key() for c in copies]], ensure_ascii=False)
    digest = hashlib.sha256(payload.encode()).hexdigest()
    return TranslationPreview(language, words[1], words[2], copies, digest)


def translate_update(
    user: User,
    update: Update,
    *,
    language: str,
    you_said: str,
    we_did: str,
    confirmed: str,
) -> UpdateTranslation:
    """Enter the update in another language; contributors not yet told get it in theirs.
    Only as previewed: ``confirmed`` is the digest of the preview the lead read (found by
    issue 21's fresh-eyes trial: a translation went live unseen after masking). Its audio
    version is made afresh by a task once this commits."""
    preview = preview_translation(update, language=language, you_said=you_said, we_did=we_did)
    if confirmed != preview.digest:
        raise ValidationError(
            "The translation was not saved: it is not the one you previewed. Read the "
            "preview below and confirm it"
        )
    translation, _ = UpdateTranslation.objects.update_or_create(
        update=update,
        language=language,
        defaults={"you_said": preview.you_said, "we_did": preview.we_did, "entered_by": user},
    )
    audit.record(
        user, AuditEvent.Action.CHANGED, update, f"translation {language}, {preview.digest}"
    )
    transaction.on_commit(lambda: tasks.make_update_audio.enqueue(update.pk, language))
    if update.fanned_out_at is not None:
        # Those waiting for it in this language are told now (``held_for_translation``).
        transaction.on_commit(lambda: tasks.tell_contributors.enqueue(update.pk))
    return translation


@transaction.atomic
def mark_posted(user: User, update: Update) -> int:
    """The team printed and posted the letters waiting for this update."""
    waiting = update.outbox.filter(status=OutboxMessage.Status.TO_PRINT)
    count = waiting.update(
        status=OutboxMessage.Status.SENT, posted_at=timezone.now(), posted_by=user
    )
    audit.record(user, AuditEvent.Action.CHANGED, update, f"{count} letters posted")
    return count


@dataclass(frozen=True)
class Told:
    """How many people behind an action were told, and why not the others. A person who
    gave several voices with one address is counted once (``delivery.people``)."""

    voices: int  # all voices behind the action
    people: int  # the people who gave them, as far as can be told
    asked: int  # people who asked to be told
    told: int  # a message sent or delivered, or a letter posted
    waiting: int  # queued or to print
    failed: int
    withdrawn: int  # withdrew after their voice was linked: not contacted
    stopped: int  # asked to be told, then stopped these messages
    held: int = 0  # not told while their risk alert is open (``delivery.held_for_an_alert``)


def told_for(action: Action) -> Told:
    voices = action.insight.voices.all()
    outbox = OutboxMessage.objects.filter(update__action=action).values_list(
        "voice_id", "voice__contact_key", "status", "message__status"
    )
    told, waiting, failed, held = set(), set(), set(), set()
    for update in action.updates.filter(fanned_out_at__isnull=False):
        for voice_id, key in delivery.held_voices(update).values_list("pk", "contact_key"):
            held.add(key or voice_id)
    for update in action.updates.filter(fanned_out_at__isnull=True):
        # Published, its fan-out task still making messages: those not yet made wait too.
        for voice_id, key in delivery.not_yet_owed(update).values_list("pk", "contact_key"):
            waiting.add(key or voice_id)
    for voice_id, key, status, message_status in outbox:
        person, status = key or voice_id, message_status or status
        if status in {"sent", "delivered"}:
            told.add(person)
        elif status in {"queued", "sending", "to_print"}:
            waiting.add(person)
        elif status == "failed":
            failed.add(person)
    # Stopping forgets the address, so each voice that stopped counts as one person.
    stopped = voices.filter(updates_stopped_at__isnull=False, consent_contact=False).count()
    return Told(
        voices=voices.count(),
        people=delivery.people(voices),
        asked=delivery.people(voices.filter(consent_contact=True)) + stopped,
        stopped=stopped,
        told=len(told),
        waiting=len(waiting - told),
        failed=len(failed - told - waiting),
        withdrawn=Insight.objects.get(pk=action.insight_id).withdrawn_contributors,
        held=len(held - told - waiting),
    )


@dataclass(frozen=True)
class ThreadStep:
    """One insight a voice led to, with its priority, actions, updates and what this
    voice's giver was sent."""

    insight: Insight
    standing: Standing | None
    actions: list[Action]
    told: dict[int, str]  # update id → the status of this contributor's message


def thread_for(voice: Voice) -> list[ThreadStep]:
    """The golden thread from a voice: insight → priority → action → update → told. Its
    giver may have been told through another of their voices with the same address
    (``delivery.one_per_address``)."""
    theirs = Q(voice__contact_key=voice.contact_key) if voice.contact_key else Q(voice=voice)
    owed = {
        o.update_id: (o.message.get_status_display() if o.message else o.get_status_display())
        for o in OutboxMessage.objects.filter(theirs).select_related("message")
    }
    return [
        ThreadStep(
            insight=insight,
            standing=standing(insight),
            actions=list(insight.actions.select_related("owner").prefetch_related("updates")),
            told=owed,
        )
        for insight in voice.insights.all()
    ]


def published_updates() -> list[Update]:
    return list(Update.objects.select_related("action__insight").order_by("-published_at"))


@dataclass(frozen=True)
class LadderCount:
    rung: str
    label: str
    step: int
    series: int
    meetings: int
    actions: int


def ladder_summary(since: dt.date | None = None, until: dt.date | None = None) -> list[LadderCount]:
    """Where meeting series, meetings and actions stand on the ladder of co-production
    (here, not in ``network``: the network knows nothing of actions)."""
    meetings = Meeting.objects.all()
    actions = Action.objects.exclude(ladder="")
    if since is not None:
        meetings = meetings.filter(starts_at__date__gte=since)
        actions = actions.filter(created_at__date__gte=since)
    if until is not None:
        meetings = meetings.filter(starts_at__date__lte=until)
        actions = actions.filter(created_at__date__lte=until)
    by_series = Counter(MeetingSeries.objects.values_list("ladder", flat=True))
    by_meeting = Counter(meetings.values_list("ladder", flat=True))
    by_action = Counter(actions.values_list("ladder", flat=True))
    return [
        LadderCount(
            rung=rung,
            label=str(label),
            step=Ladder.step(rung),
            series=by_series[rung],
            meetings=by_meeting[rung],
            actions=by_action[rung],
        )
        for rung, label in Ladder.choices
    ]
