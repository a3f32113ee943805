"""A year of synthetic calls to the First Response line and evenings at the Sanctuary.

Seed 001's story, planted so the line's and the Sanctuary's pages and evidence have
figures to show: most calls end with support on the call, a plan to stay safe at home or
an invitation to the Sanctuary, and few with A&E, the police or an ambulance; calls peak
in the evening and are more at weekends; about a third come from people who call again
(the same number, keyed as the line keys it, and some known to services); the
Sanctuary's guests arrive between 18:00 and 01:00, many invited by the line (the visit
linked to the call that invited them), some with the police or from A&E liaison, and
most leave home and safe. A few guests stayed past closing on past evenings; every guest
of the year has left.

The year ends the day before yesterday, so nothing in it is tonight's: tonight's calls
and guests are the demo's hand-written few (``demo.seed_first_response``), and no
history call waits on the duty worklist, is expected at the Sanctuary or is still open.
Written in bulk; the words are marked synthetic. Deterministic for a given ``rng``.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.care.models import Person, Team
from coproduce.firstresponse import feedback
from coproduce.firstresponse.models import Call, SanctuaryVisit
from coproduce.firstresponse.services import CALL_BACKS_KEPT
from coproduce.lib.validators import number_key
from coproduce.voices.models import Voice

DAYS = 365
CALLS_PER_DAY = 16.0  # a weekday's mean; weekends more
GUESTS_PER_EVENING = 2.6  # besides those the line invites; weekends more
# Friday, Saturday and Sunday are busier, for the line and the Sanctuary alike.
WEEKDAY_FACTOR = [1.0, 1.0, 1.0, 1.0, 1.15, 1.35, 1.3]
# Calls by local hour: quiet before dawn, rising through the afternoon, peaking 19:00-22:00.
HOUR_WEIGHTS = [6, 4, 4, 3, 3, 3, 3, 3, 4, 5, 5, 5, 5, 5, 5, 6, 7, 8, 11, 13, 14, 14, 12, 9]
# Guests arriving by the hour the Sanctuary is open, 18:00 to 01:00.
EVENING_HOURS = [18, 19, 20, 21, 22, 23, 0]
EVENING_WEIGHTS = [8, 12, 14, 14, 11, 8, 4]

REPEAT_SHARE = 0.33  # calls from the line's regular callers
REPEAT_CALLERS = 120
KNOWN_CALLERS = 30  # of the regulars, known to services
HUNG_UP_AT_RISK = 0.01  # each called back within the hour

# (outcomes, weight): most end with a plan to stay safe at home or an invitation to the
# Sanctuary, nearly all with support on the call; few with A&E, the police or an ambulance.
OUTCOMES: list[tuple[list[str], float]] = [
    ([Call.Outcome.SUPPORT], 14),
    ([Call.Outcome.SUPPORT, Call.Outcome.SAFE_AT_HOME], 40),
    ([Call.Outcome.SUPPORT, Call.Outcome.SANCTUARY], 16),
    ([Call.Outcome.SUPPORT, Call.Outcome.SAFE_AT_HOME, Call.Outcome.CALL_BACK], 5),
    ([Call.Outcome.SUPPORT, Call.Outcome.SAFE_AT_HOME, Call.Outcome.NEXT_DAY], 5),
    ([Call.Outcome.SUPPORT, Call.Outcome.CALL_BACK], 2),
    ([Call.Outcome.SUPPORT, Call.Outcome.NEXT_DAY], 2),
    ([Call.Outcome.CRISIS_TEAM], 6),
    ([Call.Outcome.RESPONSE_VEHICLE], 2.5),
    ([Call.Outcome.A_AND_E], 2.5),
    ([Call.Outcome.AMBULANCE], 1.5),
    ([Call.Outcome.POLICE], 1),
]
CALLERS = [
    (Call.Caller.PERSON, 60),
    (Call.Caller.CARER, 15),
    (Call.Caller.NHS_111, 12),
    (Call.Caller.PROFESSIONAL, 8),
    (Call.Caller.POLICE, 5),
]
# What was agreed, as the repeat caller's "last time" shows it.
NEXT_STEPS: dict[str, str] = {
    Call.Outcome.SUPPORT: "(Synthetic history) Talked it through; they know they can call again.",
    Call.Outcome.SAFE_AT_HOME: "(Synthetic history) A plan to stay safe at home tonight, "
    "agreed together.",
    Call.Outcome.SANCTUARY: "(Synthetic history) Invited to the Sanctuary this evening.",
    Call.Outcome.CALL_BACK: "(Synthetic history) We will call back at the time agreed.",
    Call.Outcome.NEXT_DAY: "(Synthetic history) To see their GP tomorrow; numbers given.",
    Call.Outcome.CRISIS_TEAM: "(Synthetic history) Referred to the crisis team.",
    Call.Outcome.RESPONSE_VEHICLE: "(Synthetic history) The response vehicle is on its way.",
    Call.Outcome.A_AND_E: "(Synthetic history) Going to A&E for a physical injury.",
    Call.Outcome.AMBULANCE: "(Synthetic history) An ambulance was called.",
    Call.Outcome.POLICE: "(Synthetic history) The police were called to help.",
}
AREAS = [
    "Cambridge",
    "Peterborough",
    "Huntingdon",
    "Ely",
    "Wisbech",
    "March",
    "St Neots",
    "St Ives",
    "Whittlesey",
    "Chatteris",
]
# Words guests chose to be shown as, instead of a name.
WORDS = ["Sunny", "Blue", "Oak", "Star", "Fern", "Pebble", "Moss", "Sky", "Maple", "Cloud"]
LEFT = [
    (SanctuaryVisit.Left.HOME_SAFE, 74),
    (SanctuaryVisit.Left.WITH_FRIEND, 13),
    (SanctuaryVisit.Left.CRISIS_TEAM, 7),
    (SanctuaryVisit.Left.A_AND_E, 3),
    (SanctuaryVisit.Left.OTHER, 3),
]
CAME = [  # how guests came who were not invited by the line
    (SanctuaryVisit.Came.SELF, 45),
    (SanctuaryVisit.Came.FRIEND, 20),
    (SanctuaryVisit.Came.POLICE, 18),
    (SanctuaryVisit.Came.A_AND_E, 17),
]
AFTER_CLOSING = 0.004  # guests recorded as leaving after closing: a few in the year


@dataclass
class _Caller:
    called: str
    phone: str = ""
    person: Person | None = None
    area: str = ""
    phone_key: str = field(init=False, default="")

    def __post_init__(self) -> None:
        self.phone_key = number_key(self.phone) if self.phone else ""


def _numbers(rng: random.Random) -> list[str]:
    """Numbers for callers who call once, all in Ofcom's drama ranges (never anyone's):
    mobiles 07700 900300-900899 (the demo's own calls use 321 and 654) and landlines."""
    mobiles = [f"07700 900{n:03d}" for n in range(300, 900) if n not in {321, 654}]
    landlines = [f"01632 960{n:03d}" for n in range(1000)] + [
        f"{prefix} {n:04d}" for prefix in ("0113 496", "0161 496", "020 7946") for n in range(1000)
    ]
    numbers = mobiles + landlines
    rng.shuffle(numbers)
    return numbers


def seed_line_year(
    rng: random.Random,
    now: dt.datetime,
    line: Team,
    sanctuary: Team,
    given: Sequence[str],
    capacity: int = 8,
) -> dict[str, int]:
    """Write the year; return how many calls and visits."""
    tz = timezone.get_current_timezone()
    today = timezone.localtime(now).date()
    handlers = list(line.staff.order_by("pk"))
    welcomers = list(sanctuary.staff.order_by("pk"))
    both = [u for u in welcomers if u in handlers]  # may see who the line knows
    known = list(
        Person.objects.filter(referrals__team=line).distinct().order_by("pk")[: KNOWN_CALLERS * 4]
    )
    knowing = set(rng.sample(range(REPEAT_CALLERS), KNOWN_CALLERS))
    regulars = []
    for n in range(REPEAT_CALLERS):
        person = known.pop(rng.randrange(len(known))) if n in knowing and known else None
        regulars.append(
            _Caller(
                called=person.given_name if person else rng.choice(given),
                phone=f"07700 900{100 + n:03d}",
                person=person,
                area=rng.choice(AREAS),
            )
        )
    # Some call far more often than others, as regular callers to a line do.
    regular_weights = [1 / (n + 1) ** 0.7 for n in range(REPEAT_CALLERS)]
    numbers = _numbers(rng)

    def caller_for(kind: str) -> _Caller:
        if kind in {Call.Caller.PERSON, Call.Caller.CARER} and rng.random() < REPEAT_SHARE / 0.75:
            return rng.choices(regulars, weights=regular_weights)[0]
        with_number = kind in {Call.Caller.PERSON, Call.Caller.CARER} and rng.random() < 0.6
        return _Caller(
            called=rng.choice(given) if rng.random() < 0.9 else "",
            phone=numbers.pop() if with_number and numbers else "",
            area=rng.choice(AREAS) if rng.random() < 0.8 else "",
        )

    def made_call_back(call: Call, who: _Caller, caller: str, minutes: int) -> Call:
        """The call-back ``call`` promised, made at its time and ended with a plan."""
        assert call.call_back_at is not None  # noqa: S101 - set just before
        return Call(
            team=line,
            handler=call.handler,
            started_at=call.call_back_at,
            ended_at=call.call_back_at + dt.timedelta(minutes=minutes),
            caller=caller,
            person=who.person,
            called=who.called,
            phone=who.phone,
            phone_key=who.phone_key,
            area=who.area,
            persons_words="(Synthetic history)",
            shared_understanding="(Synthetic history)",
            next_steps=NEXT_STEPS[Call.Outcome.SAFE_AT_HOME],
            outcomes=[Call.Outcome.SUPPORT, Call.Outcome.SAFE_AT_HOME],
        )

    calls: list[Call] = []
    # Calls inviting to an evening's Sanctuary: the call, when it ended, when invited for.
    invites: list[tuple[Call, dt.datetime, dt.datetime, dt.date]] = []
    evenings = [today - dt.timedelta(days=offset) for offset in range(DAYS + 1, 1, -1)]
    for day in evenings:
        factor = WEEKDAY_FACTOR[day.weekday()]
        for _ in range(_poisson(rng, CALLS_PER_DAY * factor)):
            hour = rng.choices(range(24), weights=HOUR_WEIGHTS)[0]
            started = dt.datetime.combine(
                day, dt.time(hour, rng.randrange(60), rng.randrange(60)), tzinfo=tz
            )
            kind = rng.choices([c for c, _ in CALLERS], weights=[w for _, w in CALLERS])[0]
            who = caller_for(kind)
            ended = started + dt.timedelta(minutes=min(90, rng.lognormvariate(math.log(14), 0.5)))
            hung_up = bool(who.phone) and day < evenings[-1] and rng.random() < HUNG_UP_AT_RISK
            outcomes: list[str]
            if hung_up:
                outcomes = [Call.Outcome.CALL_BACK]
                ended = started + dt.timedelta(minutes=rng.randint(1, 5))
            else:
                outcomes = rng.choices([o for o, _ in OUTCOMES], weights=[w for _, w in OUTCOMES])[
                    0
                ]
            call = Call(
                team=line,
                handler=rng.choice(handlers),
                started_at=started,
                ended_at=ended,
                caller=kind,
                person=who.person,
                called=who.called,
                phone=who.phone,
                phone_key=who.phone_key,
                area=who.area,
                persons_words="(Synthetic history)",
                shared_understanding="(Synthetic history)",
                next_steps=" ".join(NEXT_STEPS[o] for o in outcomes if o != Call.Outcome.SUPPORT)
                or NEXT_STEPS[Call.Outcome.SUPPORT],
                outcomes=list(outcomes),
                hung_up_at_risk=hung_up,
            )
            if hung_up:
                call.next_steps = "(Synthetic history) They hung up; we call back at once."
                call.call_back_at = ended + dt.timedelta(minutes=rng.randint(5, 30))
                # Called back: a later call from the same number, which ended with a plan.
                calls.append(made_call_back(call, who, Call.Caller.PERSON, rng.randint(10, 40)))
            elif Call.Outcome.CALL_BACK in outcomes:
                call.call_back_at = ended + dt.timedelta(hours=rng.randint(1, 16))
                if who.phone and call.call_back_at >= now - CALL_BACKS_KEPT:
                    # Made, as the line does: a call-back still due on the worklist is
                    # tonight's, written by hand, never the year's. (Drawn without the
                    # random stream, so the rest of the year stays as it was.)
                    calls.append(made_call_back(call, who, kind, 15))
            elif Call.Outcome.SANCTUARY in outcomes:
                call.sanctuary_at, evening = _invited_for(rng, ended, tz)
                if evening > evenings[-1]:
                    # Not invited for tonight's Sanctuary (tonight is the demo's own).
                    call.outcomes = [Call.Outcome.SUPPORT, Call.Outcome.SAFE_AT_HOME]
                    call.next_steps = NEXT_STEPS[Call.Outcome.SAFE_AT_HOME]
                    call.sanctuary_at = None
                else:
                    invites.append((call, ended, call.sanctuary_at, evening))
            calls.append(call)
    calls.sort(key=lambda c: c.started_at)
    Call.objects.bulk_create(calls, batch_size=2000)

    # The Sanctuary's evenings: most invited by the line come, and others besides.
    by_evening: dict[dt.date, list[SanctuaryVisit]] = {day: [] for day in evenings}
    for call, ended, invited_for, evening in invites:
        if evening not in by_evening or rng.random() > 0.85:
            continue  # some invited do not come (or were invited before the year)
        arrived = max(
            ended + dt.timedelta(minutes=10),
            invited_for + dt.timedelta(minutes=rng.randint(-20, 25)),
            _at(evening, 18, 0, tz),
        )
        by_evening[evening].append(
            _visit(
                rng,
                sanctuary,
                both if call.person else welcomers,
                arrived,
                SanctuaryVisit.Came.LINE,
                call=call,
                person=call.person,
                called=call.called,
            )
        )
    for evening, visits in by_evening.items():
        factor = WEEKDAY_FACTOR[evening.weekday()]
        for _ in range(_poisson(rng, GUESTS_PER_EVENING * factor)):
            hour = rng.choices(EVENING_HOURS, weights=EVENING_WEIGHTS)[0]
            day = evening + dt.timedelta(days=1) if hour == 0 else evening
            arrived = _at(day, hour, rng.randrange(40 if hour == 0 else 60), tz)
            came = rng.choices([c for c, _ in CAME], weights=[w for _, w in CAME])[0]
            visits.append(
                _visit(rng, sanctuary, welcomers, arrived, came, called=rng.choice(given))
            )
    rows = []
    for evening, visits in by_evening.items():
        closing = _at(evening + dt.timedelta(days=1), 1, 0, tz)
        visits.sort(key=lambda v: v.arrived_at)
        stays: list[tuple[dt.datetime, dt.datetime]] = []
        for visit in visits:
            arrived = visit.arrived_at
            if arrived >= closing - dt.timedelta(minutes=20):
                arrived = visit.arrived_at = closing - dt.timedelta(minutes=rng.randint(20, 40))
            stay = dt.timedelta(minutes=max(30, min(240, rng.lognormvariate(math.log(100), 0.5))))
            if rng.random() < AFTER_CLOSING:
                # Still here after closing: a taxi that came late; recorded leaving then.
                visit.left_at = closing + dt.timedelta(minutes=rng.randint(10, 50))
                visit.left = SanctuaryVisit.Left.OTHER
                visit.left_because = "(Synthetic history) Stayed past closing until a taxi came."
            else:
                visit.left_at = min(
                    arrived + stay, closing - dt.timedelta(minutes=rng.randint(0, 10))
                )
            # A full Sanctuary welcomes one more only with a reason, as the page asks.
            here = sum(1 for came, went in stays if came <= arrived < went)
            if here >= capacity:
                visit.over_capacity_because = (
                    "(Synthetic history) A calm evening; the team agreed one more."
                )
            stays.append((arrived, visit.left_at))
            rows.append(visit)
    SanctuaryVisit.objects.bulk_create(rows, batch_size=2000)
    replies = _replies(rng, now, calls, rows)
    return {"calls": len(calls), "visits": len(rows), "replies": replies}


# Of those asked "How was it for you?" by text after a call or an evening, how many
# answer, and how many of those say good or very good (seed 001: 72% reported a good or
# excellent experience; the Sanctuary's guests a little more).
REPLY_RATE = {"call": 0.12, "visit": 0.25}
GOOD_SHARE = {"call": 0.72, "visit": 0.80}
REPLY_WORDS = {
    "call": [
        "(Synthetic history) They listened and did not rush me.",
        "(Synthetic history) Got through quickly and felt calmer after.",
        "(Synthetic history) Helpful, we made a plan for the night.",
        "(Synthetic history) Had to wait a while before someone answered.",
        "",
    ],
    "visit": [
        "(Synthetic history) A cuppa and someone to talk with. Felt like a living room.",
        "(Synthetic history) Calm and kind, I slept at home after.",
        "(Synthetic history) The peer worker understood, thank you.",
        "(Synthetic history) Busy tonight and it was hard to find a quiet spot.",
        "",
    ],
}


def _replies(
    rng: random.Random,
    now: dt.datetime,
    calls: Sequence[Call],
    visits: Sequence[SanctuaryVisit],
) -> int:
    """The year's answers to the question texted after a call or an evening: each a
    voice on the line's or the Sanctuary's team with its rating, as a reply through
    Notify becomes (``firstresponse.feedback``), so the experience measure has figures."""
    asked: list[tuple[Call | SanctuaryVisit, Voice]] = []
    latest = now - dt.timedelta(hours=2)
    for kind, items in (("call", calls), ("visit", visits)):
        about = feedback.AFTER_A_CALL if kind == "call" else feedback.AFTER_A_VISIT
        for item in items:
            ended = item.ended_at if isinstance(item, Call) else item.left_at
            may_ask = ended is not None and (
                not isinstance(item, Call)
                or (item.caller == Call.Caller.PERSON and not item.hung_up_at_risk)
            )
            if not may_ask or rng.random() >= REPLY_RATE[kind]:
                continue
            assert ended is not None  # noqa: S101 - may_ask says so
            good = rng.random() < GOOD_SHARE[kind]
            received = min(ended + dt.timedelta(minutes=rng.randint(15, 18 * 60)), latest)
            asked.append(
                (
                    item,
                    Voice(
                        channel=Voice.Channel.SMS,
                        text=rng.choice(REPLY_WORDS[kind]),
                        rating=rng.choice([1, 1, 2]) if good else rng.choice([3, 3, 4, 5]),
                        team_id=item.team_id,
                        consent_improvement=True,
                        received_at=received,
                        source_detail=about,
                        reviewed_at=min(received + dt.timedelta(days=2), now),
                    ),
                )
            )
    Voice.objects.bulk_create([voice for _, voice in asked], batch_size=2000)
    for item, voice in asked:
        item.feedback_agreed = True
        item.feedback_voice = voice
    fields = ["feedback_agreed", "feedback_voice"]
    Call.objects.bulk_update([i for i, _ in asked if isinstance(i, Call)], fields, batch_size=2000)
    SanctuaryVisit.objects.bulk_update(
        [i for i, _ in asked if isinstance(i, SanctuaryVisit)], fields, batch_size=2000
    )
    return len(asked)


def _at(day: dt.date, hour: int, minute: int, tz: dt.tzinfo) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=tz)


def _invited_for(
    rng: random.Random, ended: dt.datetime, tz: dt.tzinfo
) -> tuple[dt.datetime, dt.date]:
    """When a caller is invited to come, and the evening: soon if the Sanctuary is open
    for long enough yet, else the next evening it opens."""
    local = timezone.localtime(ended, tz)
    evening = local.date() - dt.timedelta(days=1 if local.hour < 12 else 0)
    soon = ended + dt.timedelta(minutes=rng.randint(30, 75))
    if (local.hour >= 18 or local.hour < 1) and soon <= _at(
        evening + dt.timedelta(days=1), 0, 30, tz
    ):
        return soon, evening
    evening = local.date() if 1 <= local.hour < 18 else evening + dt.timedelta(days=1)
    at = _at(evening, rng.choice([18, 19, 19, 20, 20, 21]), rng.choice([0, 15, 30, 45]), tz)
    return at, evening


def _visit(
    rng: random.Random,
    sanctuary: Team,
    welcomers: Sequence[User],
    arrived: dt.datetime,
    came: str,
    *,
    call: Call | None = None,
    person: Person | None = None,
    called: str = "",
) -> SanctuaryVisit:
    offered = [SanctuaryVisit.Offer.DRINK_AND_TALK] if rng.random() < 0.95 else []
    for offer, share in (
        (SanctuaryVisit.Offer.PEER_SUPPORT, 0.5),
        (SanctuaryVisit.Offer.QUIET_ROOM, 0.25),
        (SanctuaryVisit.Offer.PLAN_FOR_THE_NIGHT, 0.4),
    ):
        if rng.random() < share:
            offered.append(offer)
    left = rng.choices([c for c, _ in LEFT], weights=[w for _, w in LEFT])[0]
    return SanctuaryVisit(
        team=sanctuary,
        welcomed_by=rng.choice(welcomers),
        person=person,
        called=called,
        shown_as=rng.choice(WORDS) if rng.random() < 0.3 else "",
        call=call,
        arrived_at=arrived,
        came=came,
        offered=offered or [SanctuaryVisit.Offer.QUIET_ROOM],
        left=left,
        left_because="(Synthetic history) A lift from a neighbour."
        if left == SanctuaryVisit.Left.OTHER
        else "",
    )


def _poisson(rng: random.Random, mean: float) -> int:
    """Knuth's method: fine for the small means used here."""
    limit, k, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        k += 1
        product *= rng.random()
    return k
