"""Operations on the co-production network. Each runs in one transaction; those by staff
are audited with who did them."""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, User
from coproduce.accounts.submissions import once
from coproduce.lib.disclosure import publishable, shown
from coproduce.lib.exports import safe_cell
from coproduce.network.models import (
    AgreementAcceptance,
    Attendance,
    BoardSeat,
    Decision,
    EqualityMonitoring,
    Meeting,
    MeetingPaper,
    MeetingSeries,
    Member,
    PaymentClaim,
    PaymentRate,
    RespectAgreement,
    SelfAssessment,
    StandardScore,
    TrainingRecord,
)


def member_for(user: User) -> Member | None:
    """A member sees only their own network record."""
    return Member.objects.filter(user=user).first()


@once
@transaction.atomic
def join_network(
    *,
    name: str,
    kind: str,
    reach_by: str,
    email: str = "",
    phone: str = "",
    postal_address: str = "",
    format: str = Member.Format.STANDARD,
    language: str = "",
    availability: str = "",
    declines_payment: bool = False,
    accepts_agreement: bool = False,
    equality: dict[str, Any] | None = None,
    submission: str = "",
) -> Member:
    """Anyone may join: no one is turned away. Equality monitoring, if given, is stored
    with no link to the member (only the month they joined), so it can only ever be
    counted, never traced back. Joining is on a public page: audited as someone not
    signed in."""
    today = timezone.localdate()
    member = Member.objects.create(
        name=name,
        kind=kind,
        reach_by=reach_by,
        email=email,
        phone=phone,
        postal_address=postal_address,
        format=format,
        language=language,
        availability=availability,
        declines_payment=declines_payment,
        joined_on=today,
    )
    agreement = RespectAgreement.current()
    if accepts_agreement and agreement is not None:
        AgreementAcceptance.objects.create(
            member=member, agreement=agreement, accepted_at=timezone.now()
        )
    if equality:
        EqualityMonitoring.objects.create(joined_month=today.replace(day=1), **equality)
    audit.record(audit.someone_not_signed_in(), AuditEvent.Action.CREATED, member, "joined")
    return member


@once
@transaction.atomic
def record_training(
    user: User,
    member: Member,
    *,
    course: str,
    title: str,
    completed_on: dt.date,
    submission: str = "",
) -> TrainingRecord:
    record = TrainingRecord.objects.create(
        member=member, course=course, title=title, completed_on=completed_on, recorded_by=user
    )
    audit.record(user, AuditEvent.Action.CHANGED, member, f"training {course}")
    return record


# The respect agreement ------------------------------------------------------------


@once
@transaction.atomic
def publish_agreement(user: User, text: str, *, submission: str = "") -> RespectAgreement:
    """A new version: every member is asked to accept it again."""
    current = RespectAgreement.current()
    agreement = RespectAgreement.objects.create(
        version=(current.version + 1) if current else 1,
        text=text,
        published_at=timezone.now(),
        published_by=user,
    )
    audit.record(user, AuditEvent.Action.CREATED, agreement)
    return agreement


@transaction.atomic
@transaction.atomic
def accept_agreement(member: Member, agreement: RespectAgreement) -> AgreementAcceptance:
    """The member accepts the current respect agreement, once; audited as done by them
    (by someone not signed in, if they have no account)."""
    if agreement != RespectAgreement.current():
        raise ValidationError("That is not the current respect agreement")
    acceptance, made = AgreementAcceptance.objects.get_or_create(
        member=member, agreement=agreement, defaults={"accepted_at": timezone.now()}
    )
    if made:
        actor = member.user or audit.someone_not_signed_in()
        audit.record(actor, AuditEvent.Action.CREATED, acceptance, f"version {agreement.version}")
    return acceptance


def accepted_current(members: Iterable[Member]) -> set[int]:
    """Which of these members have accepted the current version."""
    agreement = RespectAgreement.current()
    if agreement is None:
        return set()
    ids = [m.pk for m in members]
    return set(
        AgreementAcceptance.objects.filter(agreement=agreement, member_id__in=ids).values_list(
            "member_id", flat=True
        )
    )


# Meetings and boards --------------------------------------------------------------


@once
@transaction.atomic
def create_meeting(user: User, *, submission: str = "", **details: Any) -> Meeting:
    meeting = Meeting.objects.create(created_by=user, **details)
    audit.record(user, AuditEvent.Action.CREATED, meeting)
    return meeting


@once
@transaction.atomic
def add_paper(
    user: User,
    meeting: Meeting,
    *,
    title: str,
    text: str,
    easy_read_text: str = "",
    submission: str = "",
) -> MeetingPaper:
    paper = MeetingPaper.objects.create(
        meeting=meeting, title=title, text=text, easy_read_text=easy_read_text
    )
    audit.record(user, AuditEvent.Action.CHANGED, meeting, f"paper {paper.pk}")
    return paper


@transaction.atomic
def invite(user: User, meeting: Meeting, members: Iterable[Member]) -> int:
    added = 0
    for member in members:
        _, created = Attendance.objects.get_or_create(meeting=meeting, member=member)
        added += int(created)
    audit.record(user, AuditEvent.Action.CHANGED, meeting, f"invited {added}")
    return added


@transaction.atomic
def take_register(user: User, meeting: Meeting, attended: set[int]) -> None:
    """Record who came. Refused before the meeting has started."""
    if not meeting.held:
        raise ValidationError("The register can be taken once the meeting has started")
    for attendance in meeting.attendance.all():
        attendance.attended = attendance.member_id in attended
        attendance.save(update_fields=["attended", "recorded_at"])
    audit.record(user, AuditEvent.Action.CHANGED, meeting, "register taken")


@once
@transaction.atomic
def record_decision(user: User, meeting: Meeting, text: str, *, submission: str = "") -> Decision:
    decision = Decision.objects.create(meeting=meeting, text=text, recorded_by=user)
    audit.record(user, AuditEvent.Action.CHANGED, meeting, f"decision {decision.pk}")
    return decision


LIVED_EXPERIENCE = frozenset({Member.Kind.SERVICE_USER, Member.Kind.CARER, Member.Kind.PEER})


@once
@transaction.atomic
def give_seat(
    user: User, series: MeetingSeries, member: Member, *, submission: str = ""
) -> BoardSeat:
    """A lived-experience seat on a board: for people who use services, carers and peer
    workers, up to the board's number of seats."""
    if member.kind not in LIVED_EXPERIENCE:
        raise ValidationError(
            "Lived-experience seats are for people who use services, carers and peer workers"
        )
    filled = seats_filled(series)
    if member in filled:
        raise ValidationError(f"{member.display_name} already holds a seat on this board")
    if len(filled) >= series.lived_experience_seats:
        raise ValidationError(
            f"All {series.lived_experience_seats} lived-experience seats on this board are filled"
        )
    seat = BoardSeat.objects.create(series=series, member=member, since=timezone.localdate())
    audit.record(user, AuditEvent.Action.CHANGED, series, f"seat given to member {member.pk}")
    return seat


@transaction.atomic
def end_seat(user: User, seat: BoardSeat) -> BoardSeat:
    seat.until = timezone.localdate()
    seat.save(update_fields=["until"])
    audit.record(
        user, AuditEvent.Action.CHANGED, seat.series, f"seat of member {seat.member_id} ended"
    )
    return seat


def seats_filled(series: MeetingSeries, on: dt.date | None = None) -> list[Member]:
    on = on or timezone.localdate()
    return [
        seat.member
        for seat in series.seats.select_related("member").filter(since__lte=on)
        if seat.until is None or seat.until > on
    ]


# Involvement payments and expenses ------------------------------------------------


def meeting_not_held(meeting: Meeting) -> str:
    """Why a claim for a meeting still to come is refused, with when it starts."""
    starts = timezone.localtime(meeting.starts_at)
    return (
        "You can claim for this meeting once it has taken place: it starts on "
        f"{starts.day} {starts:%B %Y} at {starts:%H:%M}"
    )


@once
@transaction.atomic
def submit_claim(
    user: User,
    member: Member,
    meeting: Meeting,
    *,
    unit: str,
    units: decimal.Decimal,
    expenses: decimal.Decimal = decimal.Decimal("0"),
    expenses_note: str = "",
    decline_payment: bool = False,
    submission: str = "",
) -> PaymentClaim:
    """A claim for taking part. A member who declines payment claims expenses only.
    A claim for a meeting the member is not recorded as attending waits for a person to
    check it (never refused outright: registers are sometimes wrong). A claim for a
    meeting that has not started yet is refused, however it arrives."""
    if not meeting.held:
        raise ValidationError(meeting_not_held(meeting))
    if PaymentClaim.objects.filter(member=member, meeting=meeting).exists():
        raise ValidationError("A claim for this meeting has already been made")
    if units < 0 or expenses < 0:
        raise ValidationError("The time and expenses must be 0 or more")
    declined = decline_payment or member.declines_payment
    rate = None
    payment = decimal.Decimal("0")
    if not declined:
        rate = PaymentRate.objects.filter(kind=member.kind, unit=unit, active=True).first()
        if rate is None:
            raise ValidationError(
                f"There is no rate {PaymentRate.Unit(unit).label.lower()} for "
                f"{Member.Kind(member.kind).label.lower()}s: ask the lived experience lead"
            )
        payment = (rate.amount * units).quantize(decimal.Decimal("0.01"))
    attended = Attendance.objects.filter(member=member, meeting=meeting, attended=True).exists()
    claim = PaymentClaim.objects.create(
        member=member,
        meeting=meeting,
        rate=rate,
        units=units if not declined else decimal.Decimal("0"),
        payment=payment,
        expenses=expenses,
        expenses_note=expenses_note,
        payment_declined=declined,
        status=PaymentClaim.Status.SUBMITTED if attended else PaymentClaim.Status.NEEDS_CHECK,
        submitted_by=user,
    )
    audit.record(user, AuditEvent.Action.CREATED, claim, f"for member {member.pk}: {claim.status}")
    return claim


@transaction.atomic
def decide_claim(user: User, claim: PaymentClaim, *, approve: bool, note: str = "") -> PaymentClaim:
    if claim.status not in {PaymentClaim.Status.SUBMITTED, PaymentClaim.Status.NEEDS_CHECK}:
        raise ValidationError("This claim has already been decided")
    if approve and claim.status == PaymentClaim.Status.NEEDS_CHECK and not note.strip():
        raise ValidationError(
            "The member is not recorded as attending: say why the claim is approved"
        )
    if not approve and not note.strip():
        raise ValidationError("Say why the claim is not approved, so the member is told")
    claim.status = PaymentClaim.Status.APPROVED if approve else PaymentClaim.Status.REJECTED
    claim.decided_by = user
    claim.decided_at = timezone.now()
    claim.decision_note = note.strip()
    claim.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    audit.record(user, AuditEvent.Action.CHANGED, claim, claim.status)
    return claim


FINANCE_COLUMNS = [
    "claim",
    "member",
    "payee name",
    "meeting date",
    "meeting",
    "units",
    "unit",
    "rate",
    "payment",
    "expenses",
    "total",
    "payment declined",
    "approved by",
    "approved on",
]


def finance_csv(claims: Iterable[PaymentClaim]) -> str:
    """Approved claims, one row each, for finance to pay."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(FINANCE_COLUMNS)
    for claim in claims:
        writer.writerow(
            [
                claim.pk,
                claim.member_id,
                safe_cell(claim.member.display_name),
                timezone.localtime(claim.meeting.starts_at).date().isoformat(),
                safe_cell(claim.meeting.title),
                claim.units,
                claim.rate.get_unit_display() if claim.rate else "",
                claim.rate.amount if claim.rate else "",
                claim.payment,
                claim.expenses,
                claim.total,
                "yes" if claim.payment_declined else "no",
                claim.decided_by.display_name if claim.decided_by else "",
                timezone.localtime(claim.decided_at).date().isoformat() if claim.decided_at else "",
            ]
        )
    return out.getvalue()


# Quality of co-production ---------------------------------------------------------


@once
@transaction.atomic
def record_self_assessment(
    user: User,
    *,
    period_start: dt.date,
    period_end: dt.date,
    scores: dict[str, tuple[int, str]],
    submission: str = "",
) -> SelfAssessment:
    if period_end < period_start:
        raise ValidationError("The period must end after it starts")
    missing = set(StandardScore.Standard.values) - set(scores)
    if missing:
        raise ValidationError(
            "Score every standard: "
            + ", ".join(StandardScore.Standard(m).label for m in sorted(missing))
        )
    assessment = SelfAssessment.objects.create(
        period_start=period_start,
        period_end=period_end,
        held_on=timezone.localdate(),
        recorded_by=user,
    )
    for standard, (level, evidence) in scores.items():
        StandardScore.objects.create(
            assessment=assessment, standard=standard, level=level, evidence=evidence
        )
    audit.record(user, AuditEvent.Action.CREATED, assessment)
    return assessment


@dataclass(frozen=True)
class Tally:
    label: str
    count: int | None  # None where suppressed
    shown: str  # as it may be published, e.g. "fewer than 8"


def equality_summary() -> dict[str, list[Tally]]:
    """Equality monitoring of members, counted only in aggregate, small numbers hidden."""
    rows = EqualityMonitoring.objects.all()
    summary: dict[str, list[Tally]] = {}
    for field, choices in (
        ("age_band", EqualityMonitoring.AgeBand.choices),
        ("ethnic_group", EqualityMonitoring.EthnicGroup.choices),
        ("disability", EqualityMonitoring.Answer.choices),
    ):
        counts = Counter(rows.values_list(field, flat=True))
        summary[field] = [
            Tally(str(label), publishable(counts[value]), shown(counts[value]))
            for value, label in choices
        ]
    return summary
