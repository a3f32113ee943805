"""A year of co-production for the demo trust, so that its co-production health and reach
pages show figures rather than "Not shown" (counts of 1 to 7 are never shown).

- ``seed_members``: the network's members beyond the demo's named ones, each with
  equality monitoring kept apart from their name (as ``network.join_network`` keeps it),
  spread by quota over age bands, ethnic groups and deprivation deciles so that most
  groups have at least eight people.
- ``seed_thread_history``: for each of the 13 months before this one, voices heard in
  community listening, by phone and on paper, grouped after the month into an insight
  with three actions: the first done within weeks, the second (a bigger change) within
  months, the third longer-term; each one done has a "you said, we did" update told to
  the contributors who asked. Every month of the year (but the last, until its insight
  is written) has enough voices in an insight, and every status enough actions (planned
  ones overdue among them), to be shown.

Written in bulk as ``history.seed_history`` writes its years: the history's voices,
insights, actions and updates carry no audit events (nobody made them today); joining
the network is audited as ``join_network`` audits it, in one write. Everything is
synthetic: no real person, and phone numbers only from Ofcom's drama range.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, User
from coproduce.care.models import Team
from coproduce.change import delivery
from coproduce.change.catalogue import Metric
from coproduce.change.models import Action, Insight, OutboxMessage, Update
from coproduce.lib.formats import Format
from coproduce.messaging.models import Message
from coproduce.network.models import (
    AgreementAcceptance,
    EqualityMonitoring,
    Ladder,
    Member,
    RespectAgreement,
)
from coproduce.voices.models import EnquiryCategory, Sentiment, Voice

# --- Members ---------------------------------------------------------------------------

T = TypeVar("T")

EXTRA_MEMBERS = 120
FIRST_NAMES = [
    "Abi", "Amir", "Bex", "Cal", "Dana", "Eli", "Femi", "Gita", "Hal", "Ines", "Jas",
    "Kofi", "Lia", "Marek", "Nell", "Oli", "Pip", "Quinn", "Rosa", "Saff", "Tam", "Uma",
    "Vic", "Wren", "Yas", "Zak", "Alys", "Bryn", "Cerys", "Dilys",
]  # fmt: skip
# Each group's count among the extra members: eight or more in most, so each may be shown;
# as the demo's self-assessment says, few under 25 or from Black communities (too few of
# some groups to show, as in many networks), few over 65, and no one under 18.
AGE_BANDS = {
    "18_24": 8,
    "25_34": 20,
    "35_44": 26,
    "45_54": 26,
    "55_64": 22,
    "65_plus": 10,
    "not_said": 8,
}
ETHNIC_GROUPS = {"white": 95, "asian": 10, "black": 2, "mixed": 3, "other": 2, "not_said": 8}
DEPRIVATION_DECILES: dict[int | None, int] = {
    1: 8,
    2: 9,
    3: 10,
    4: 10,
    5: 11,
    6: 12,
    7: 12,
    8: 13,
    9: 13,
    10: 14,
    None: 8,  # where they live not known
}
DISABILITY = {"yes": 34, "no": 76, "not_said": 10}
KINDS = {
    Member.Kind.SERVICE_USER: 70,
    Member.Kind.CARER: 26,
    Member.Kind.PEER: 12,
    Member.Kind.STAFF: 12,
}
FORMATS = [Format.STANDARD] * 16 + [
    Format.LARGE_PRINT,
    Format.LARGE_PRINT,
    Format.EASY_READ,
    Format.EASY_READ,
    Format.AUDIO,
    Format.BRAILLE,
    Format.OTHER_LANGUAGE,
]
LANGUAGES = ["Polish", "Bengali", "Arabic", "Portuguese", "Lithuanian"]


def _by_quota(rng: random.Random, quota: dict[T, int]) -> list[T]:
    values = [value for value, count in quota.items() for _ in range(count)]
    if len(values) != EXTRA_MEMBERS:
        raise ValueError(f"a quota adds up to {len(values)}, not {EXTRA_MEMBERS}")
    rng.shuffle(values)
    return values


def seed_members(rng: random.Random, now: dt.datetime) -> list[Member]:
    """The members who joined over the last three years, after the demo's named ones."""
    today = timezone.localdate(now)
    ages, groups = _by_quota(rng, AGE_BANDS), _by_quota(rng, ETHNIC_GROUPS)
    deciles, disabilities = _by_quota(rng, DEPRIVATION_DECILES), _by_quota(rng, DISABILITY)
    kinds = _by_quota(rng, KINDS)
    members, monitoring = [], []
    for n in range(EXTRA_MEMBERS):
        reach_by = rng.choices(
            [
                Member.Reach.EMAIL,
                Member.Reach.TEXT,
                Member.Reach.POST,
                Member.Reach.PHONE,
                Member.Reach.IN_PERSON,
            ],
            weights=[10, 5, 2, 2, 1],
        )[0]
        fmt = rng.choice(FORMATS)
        joined_on = today - dt.timedelta(days=rng.randint(5, 1100))
        members.append(
            Member(
                name=f"{FIRST_NAMES[n % len(FIRST_NAMES)]} {chr(ord('A') + n // 5 % 26)}",
                kind=kinds[n],
                reach_by=reach_by,
                email=f"member{12 + n}@example.com" if reach_by == Member.Reach.EMAIL else "",
                # Ofcom's drama range: 07700 900000 to 900999, never a real phone.
                phone=f"07700900{700 + n:03d}"
                if reach_by in {Member.Reach.TEXT, Member.Reach.PHONE, Member.Reach.IN_PERSON}
                else "",
                postal_address=f"{n + 1} Example Close\nIpswich\nIP4 {n % 9 + 1}ZZ"
                if reach_by == Member.Reach.POST
                else "",
                format=fmt,
                language=rng.choice(LANGUAGES) if fmt == Format.OTHER_LANGUAGE else "",
                declines_payment=rng.random() < 0.15,
                joined_on=joined_on,
            )
        )
        # Kept apart from the name: only the month they joined links it to anything.
        monitoring.append(
            EqualityMonitoring(
                joined_month=joined_on.replace(day=1),
                age_band=ages[n],
                ethnic_group=groups[n],
                disability=disabilities[n],
                deprivation_decile=deciles[n],
            )
        )
    rng.shuffle(monitoring)
    members = Member.objects.bulk_create(members)
    EqualityMonitoring.objects.bulk_create(monitoring)
    agreement = RespectAgreement.current()
    if agreement is not None:
        AgreementAcceptance.objects.bulk_create(
            AgreementAcceptance(member=member, agreement=agreement, accepted_at=now)
            for member in members
            if rng.random() < 0.85
        )
    audit.record_each(audit.someone_not_signed_in(), AuditEvent.Action.CREATED, members, "joined")
    return members


# --- From voice to change, month by month ----------------------------------------------


@dataclass(frozen=True)
class Step:
    """An action, and the update told when it is done."""

    description: str
    metric: str
    ladder: str
    owner: str  # a demo sign-in
    you_said: str = ""
    we_did: str = ""


@dataclass(frozen=True)
class Theme:
    category: str  # a local enquiry category
    team: int  # which of the demo's teams the voices are about
    statement: str
    voices: Sequence[tuple[str, str]]  # words and their sentiment
    steps: tuple[Step, Step, Step]


NEG, POS = Sentiment.NEGATIVE, Sentiment.POSITIVE
LEAD, TEAM_LEADER, PRACTITIONER = "le.lead", "team.leader", "practitioner"

# Oldest first: the first is the month 13 months ago, the last is last month's.
THEMES = [
    Theme(
        "Access to crisis care",
        0,
        "People who call the crisis line on weekend evenings often cannot get through, and "
        "some give up before anyone answers.",
        [
            ("I rang the crisis line three times on Saturday night and it was engaged.", NEG),
            ("Weekends are when I struggle most, and that is when the line is busiest.", NEG),
            ("I held on for twenty minutes on a Sunday evening and then gave up.", NEG),
            ("It would help to know someone would ring me back when the line is busy.", NEG),
            ("My partner and I took turns ringing on Sunday. We never got through.", NEG),
            (
                "When I got through on a Saturday the call handler was kind, but it took an hour.",
                NEG,
            ),
        ],
        (
            Step(
                "Add a second call handler on the crisis line on Friday, Saturday and Sunday "
                "evenings.",
                Metric.SEEN_WITHIN_TARGET,
                Ladder.CO_DESIGN,
                TEAM_LEADER,
                "You told us the crisis line was often engaged on weekend evenings, and that "
                "some of you gave up before anyone answered.",
                "There is now a second call handler on Friday, Saturday and Sunday evenings, "
                "when most of you call.",
            ),
            Step(
                "Offer callers a call back when every handler is busy, instead of an engaged tone.",
                Metric.SEEN_WITHIN_TARGET,
                Ladder.CO_DESIGN,
                TEAM_LEADER,
                "You said an engaged tone felt like being turned away.",
                "When every handler is busy, the line now offers to ring you back, and we count "
                "how quickly we do.",
            ),
            Step(
                "Publish how quickly the line answers each month, with members of the network.",
                Metric.SEEN_WITHIN_TARGET,
                Ladder.ENGAGEMENT,
                LEAD,
            ),
        ),
    ),
    Theme(
        "Involving family and carers",
        1,
        "Carers often find out that the person they care for was discharged only after it "
        "has happened.",
        [
            ("Nobody rang me when my son was discharged. I found out when he came home.", NEG),
            ("As her carer I would have liked to be at the last visit to hear the plan.", NEG),
            ("He was discharged on a Friday and we had no number to ring that weekend.", NEG),
            ("She had said I could be told, and I still felt shut out.", NEG),
            ("I do most of his care, yet I was the last to know the team had stopped coming.", NEG),
            (
                "The team were good with Dad, but nobody told me what to look out for afterwards.",
                NEG,
            ),
        ],
        (
            Step(
                "Ask everyone before discharge whether their carer should be invited to the "
                "last visit, and write down the answer.",
                Metric.EXPERIENCE_GOOD,
                Ladder.CO_PRODUCTION,
                TEAM_LEADER,
                "Carers told us they often heard about a discharge only after it had happened.",
                "Before anyone is discharged we now ask whether they would like their carer at "
                "the last visit, and we write down the answer.",
            ),
            Step(
                "Give carers a card with the numbers to ring after discharge, written with the "
                "carers' group.",
                Metric.EXPERIENCE_GOOD,
                Ladder.CO_PRODUCTION,
                LEAD,
                "You said families were left with no number to ring after discharge.",
                "Carers now get a card with the crisis line, the Sanctuary and the team's "
                "numbers, written with the carers' group.",
            ),
            Step(
                "Offer carers a place in the induction of new crisis team staff.",
                Metric.EXPERIENCE_GOOD,
                Ladder.CO_PRODUCTION,
                LEAD,
            ),
        ),
    ),
    Theme(
        "Value of community support",
        3,
        "People value the Sanctuary but find it hard to reach without a car, and would like it "
        "open on Sunday afternoons.",
        [
            ("The Sanctuary helped me more than anything, but the last bus goes at nine.", POS),
            ("Sunday afternoons are long and lonely. Could the Sanctuary open earlier?", NEG),
            ("A taxi home from the Sanctuary cost me money I did not have.", NEG),
            ("It is a calm place with people who understand. More of us should get there.", POS),
            ("I walked forty minutes in the rain to get to the Sanctuary.", NEG),
            (
                "Sunday is the day everything else is shut. That is when I need somewhere to go.",
                NEG,
            ),
        ],
        (
            Step(
                "Pay for a taxi home for anyone leaving the Sanctuary after the last bus.",
                Metric.EXPERIENCE_GOOD,
                Ladder.CO_DESIGN,
                TEAM_LEADER,
                "You told us the Sanctuary is hard to reach without a car, and that getting "
                "home late costs money you may not have.",
                "The Sanctuary now pays for a taxi home for anyone leaving after the last bus.",
            ),
            Step(
                "Open the Sanctuary from 2pm on Sundays for a six-month trial.",
                Metric.AE_AVOIDED,
                Ladder.CO_PRODUCTION,
                TEAM_LEADER,
                "You said Sunday afternoons were the hardest time, and asked for the Sanctuary "
                "to open earlier.",
                "For six months the Sanctuary is opening at 2pm on Sundays. We will ask you how "
                "it went before deciding whether to keep it.",
            ),
            Step(
                "Look for a second Sanctuary in the north of the county, with the network.",
                Metric.AE_AVOIDED,
                Ladder.CO_PRODUCTION,
                LEAD,
            ),
        ),
    ),
    Theme(
        "Value of clinical and social help",
        1,
        "After discharge, people are unsure who to ask about their medication, and letters to "
        "their GP arrive late.",
        [
            ("I left with new tablets and my GP knew nothing about them when I went in.", NEG),
            ("Once the visits stopped I did not know who to ask about side effects.", NEG),
            ("The letter to my surgery took three weeks, so my prescription ran out.", NEG),
            ("The nurse explained my medication well, but only on the last day.", NEG),
            ("My chemist had not heard of the change to my dose.", NEG),
            ("I stopped the new tablets because nobody said the side effects would pass.", NEG),
        ],
        (
            Step(
                "Send the discharge letter to the GP by secure email on the day of discharge.",
                Metric.ADMISSIONS,
                Ladder.CONSULTATION,
                PRACTITIONER,
                "You told us letters to your GP arrived weeks after discharge, and that "
                "prescriptions ran out.",
                "Discharge letters now go to your GP by secure email on the day you are "
                "discharged.",
            ),
            Step(
                "Let people ring the team's pharmacist about their medication for two weeks "
                "after discharge.",
                Metric.ADMISSIONS,
                Ladder.CO_DESIGN,
                TEAM_LEADER,
                "You said you did not know who to ask about your medication once the visits "
                "stopped.",
                "For two weeks after discharge you can now ring the team's pharmacist with any "
                "question about your medication.",
            ),
            Step(
                "Agree with local surgeries a review within two weeks of discharge.",
                Metric.ADMISSIONS,
                Ladder.CONSULTATION,
                TEAM_LEADER,
            ),
        ),
    ),
    Theme(
        "Being listened to",
        0,
        "People who call the line often feel treated as a 'frequent caller' rather than "
        "listened to.",
        [
            ("I could hear them thinking, it's her again.", NEG),
            ("Ringing a lot does not mean I am not struggling.", NEG),
            ("One call handler really listened. Others rushed me off the phone.", NEG),
            ("I felt judged for calling, so now I wait until things are much worse.", NEG),
            ("I was told I should not need to ring so often.", NEG),
            ("The call handler who knew my plan made all the difference that night.", POS),
        ],
        (
            Step(
                "Run a session for every call handler, led by people who often use the line, "
                "on listening without judgement.",
                Metric.EXPERIENCE_GOOD,
                Ladder.CO_PRODUCTION,
                LEAD,
                "You told us that people who call often can feel judged rather than listened to.",
                "People who often use the line led a session for every call handler on "
                "listening without judgement.",
            ),
            Step(
                "Offer people who call often a planned call at a time they choose, agreed in "
                "their crisis plan.",
                Metric.EXPERIENCE_GOOD,
                Ladder.CO_DESIGN,
                TEAM_LEADER,
                "You said you put off calling because you felt judged, until things got much "
                "worse.",
                "If you call often, you can now agree a planned call at a time that suits you, "
                "written into your crisis plan.",
            ),
            Step(
                "Stop using the words 'frequent caller' in our records and reports.",
                Metric.EXPERIENCE_GOOD,
                Ladder.CONSULTATION,
                TEAM_LEADER,
            ),
        ),
    ),
    Theme(
        "Cultural factors and offers of help",
        0,
        "People who speak little English wait longer for help, because an interpreter has to "
        "be found for each call.",
        [
            ("My father speaks Bengali and was kept on hold while they found an interpreter.", NEG),
            ("I had to interpret for my own mother at her assessment. It was not right.", NEG),
            ("The interpreter on the phone kept cutting out.", NEG),
            ("Please have someone who speaks Polish. There are many of us here.", NEG),
            ("We waited half an hour for an Urdu interpreter to join the call.", NEG),
            ("My aunt would not talk with her son interpreting. She needed someone else.", NEG),
        ],
        (
            Step(
                "Link the crisis line to a telephone interpreting service that joins within "
                "two minutes.",
                Metric.SEEN_WITHIN_TARGET,
                Ladder.CONSULTATION,
                TEAM_LEADER,
                "You told us that people who speak little English were kept waiting while an "
                "interpreter was found, and that family had to interpret.",
                "The crisis line is now linked to a telephone interpreting service that joins "
                "the call within two minutes, in over 100 languages.",
            ),
            Step(
                "Recruit call handlers who speak the languages most spoken here.",
                Metric.SEEN_WITHIN_TARGET,
                Ladder.CO_DESIGN,
                TEAM_LEADER,
            ),
            Step(
                "Translate the crisis card into the ten languages most spoken here, checked by "
                "people who speak them.",
                Metric.REACH,
                Ladder.CO_PRODUCTION,
                LEAD,
            ),
        ),
    ),
    Theme(
        "Value of clinical and social help",
        1,
        "Home visits are given as a whole-day window, so people cannot plan around work, the "
        "school run or caring.",
        [
            ("They said they would come some time between nine and five. I lost a day's pay.", NEG),
            ("I missed the school run waiting in for the team.", NEG),
            ("A text when they are on their way would help.", NEG),
            ("Being given a time would make me feel more in control.", NEG),
            ("Nobody came by four, so I rang, and they said it would be tomorrow.", NEG),
            ("I took my baby to work because I did not know when the visit would be.", NEG),
        ],
        (
            Step(
                "Give a two-hour window for every planned home visit, and a text when the "
                "worker sets off.",
                Metric.EXPERIENCE_GOOD,
                Ladder.CO_DESIGN,
                TEAM_LEADER,
                "You told us that waiting in all day for a home visit made it hard to work, "
                "do the school run or care for others.",
                "Planned home visits now have a two-hour window, and you get a text when your "
                "worker sets off.",
            ),
            Step(
                "Offer evening visits on the days the team can staff them.",
                Metric.DISENGAGEMENT,
                Ladder.CO_DESIGN,
                TEAM_LEADER,
            ),
            Step(
                "Check each quarter, with the network, how many visits arrive in their window.",
                Metric.DISENGAGEMENT,
                Ladder.ENGAGEMENT,
                LEAD,
            ),
        ),
    ),
    Theme(
        "Access to crisis care",
        2,
        "Some people are frightened when the police arrive first, and would rather be seen by "
        "a mental health worker.",
        [
            ("Two police officers came to my door and the neighbours all saw.", NEG),
            ("I needed someone to talk to, not a police car.", NEG),
            ("The response vehicle team were calm and kind. I wish they had come first.", POS),
            ("Sitting in the back of a police car made everything worse.", NEG),
            ("The officers were kind, but they did not know how to help me.", NEG),
            ("I have been frightened of the police since I was young. It made it much worse.", NEG),
        ],
        (
            Step(
                "Send the response vehicle first when the ambulance service finds no physical "
                "health need.",
                Metric.POLICE_NOT_NEEDED,
                Ladder.CO_DESIGN,
                TEAM_LEADER,
                "You told us it was frightening when the police arrived first, and that you "
                "wanted to see a mental health worker.",
                "When the ambulance service finds no physical health need, the mental health "
                "response vehicle now goes first.",
            ),
            Step(
                "Agree with the police when they hand over to the response vehicle, with people "
                "who have been through it.",
                Metric.POLICE_NOT_NEEDED,
                Ladder.CO_DESIGN,
                TEAM_LEADER,
            ),
            Step(
                "Use an unmarked car for the response vehicle.",
                Metric.POLICE_NOT_NEEDED,
                Ladder.CONSULTATION,
                TEAM_LEADER,
            ),
        ),
    ),
    Theme(
        "Continuity of care and relationships",
        1,
        "Young adults moving on from children's services say the crisis team does not feel "
        "meant for them.",
        [
            ("I am nineteen and everyone in the waiting room was much older than me.", NEG),
            ("Children's services knew me. Here I had to start again from nothing.", NEG),
            ("I would rather message than talk on the phone.", NEG),
            ("Nobody explained what the crisis team was or what would happen next.", NEG),
            ("There was nothing for people my age on the website.", NEG),
            ("My worker from children's services came to the first meeting and it helped.", POS),
        ],
        (
            Step(
                "Hold a joint meeting with children's services before a young person moves across.",
                Metric.CONTINUITY,
                Ladder.CO_DESIGN,
                PRACTITIONER,
                "Young adults told us that moving on from children's services felt like "
                "starting again, in a service not meant for them.",
                "Before a young person moves across, we now meet with them and their children's "
                "services worker together, so they do not start again.",
            ),
            Step(
                "Start a young adults' group in the network to review our leaflets and pages.",
                Metric.REACH,
                Ladder.CO_PRODUCTION,
                LEAD,
            ),
            Step(
                "Offer contact by text message to people under 25.",
                Metric.DISENGAGEMENT,
                Ladder.CO_DESIGN,
                TEAM_LEADER,
            ),
        ),
    ),
    Theme(
        "Value of clinical and social help",
        1,
        "Money and housing worries are behind many crises, but people are not put in touch "
        "with advice while they are with us.",
        [
            ("The debt letters were why I was in such a state, and nobody asked about them.", NEG),
            ("I was about to lose my flat. The team helped my mood but not that.", NEG),
            ("A benefits adviser would have helped me more than anything.", NEG),
            ("I did not know there was free advice until a friend told me.", NEG),
            (
                "My benefits were stopped the week I was referred and nobody could help with it.",
                NEG,
            ),
            ("The support worker rang the council with me. That took a weight off.", POS),
        ],
        (
            Step(
                "Ask about money, housing and benefits at the first visit, and refer to free "
                "advice with the person's agreement.",
                Metric.ADMISSIONS,
                Ladder.CO_DESIGN,
                TEAM_LEADER,
                "You told us money and housing worries were behind many crises, and that nobody "
                "asked about them.",
                "At the first visit we now ask about money, housing and benefits and, if you "
                "agree, refer you to free advice the same week.",
            ),
            Step(
                "Have a welfare rights adviser at the Sanctuary one evening a week.",
                Metric.ADMISSIONS,
                Ladder.CO_DESIGN,
                TEAM_LEADER,
            ),
            Step(
                "Agree a quick route to the council's housing team for people on our caseload.",
                Metric.ADMISSIONS,
                Ladder.CONSULTATION,
                TEAM_LEADER,
            ),
        ),
    ),
    Theme(
        "Value of community support",
        1,
        "People want to talk to someone with lived experience during a crisis, not only to "
        "clinicians.",
        [
            ("Talking to someone who had been there too gave me hope.", POS),
            ("I would have liked a peer worker to visit, not only nurses.", NEG),
            ("The peer worker understood without me having to explain.", POS),
            ("Staff were kind, but it is different talking to someone who has lived it.", NEG),
            ("A peer worker at the Sanctuary told me how she got through. I believed her.", POS),
            ("I would like to train as a peer worker one day.", POS),
        ],
        (
            Step(
                "Offer everyone on the home treatment caseload a visit from a peer worker.",
                Metric.EXPERIENCE_GOOD,
                Ladder.CO_PRODUCTION,
                LEAD,
                "You told us that talking to someone with lived experience gives hope in a way "
                "that clinicians cannot.",
                "Everyone on the home treatment caseload is now offered a visit from a peer "
                "worker.",
            ),
            Step(
                "Recruit two more peer workers, with members of the network on the panel.",
                Metric.EXPERIENCE_GOOD,
                Ladder.CO_PRODUCTION,
                LEAD,
            ),
            Step(
                "Train peer workers to lead planned interventions with support workers.",
                Metric.CONTINUITY,
                Ladder.CO_DESIGN,
                TEAM_LEADER,
            ),
        ),
    ),
    Theme(
        "Access to crisis care",
        1,
        "People waiting in A&E for a mental health assessment have nowhere quiet to wait, "
        "and are not told how long it will be.",
        [
            (
                "I sat in A&E for six hours under bright lights with no idea how long it would be.",
                NEG,
            ),
            ("A quiet room would have made such a difference.", NEG),
            ("Nobody came to tell me I had not been forgotten.", NEG),
            ("The liaison nurse was lovely once she came, but the wait was awful.", NEG),
            ("The noise and the lights in A&E made everything feel worse.", NEG),
            ("A nurse brought me a blanket and a cup of tea, and that helped.", POS),
        ],
        (
            Step(
                "Agree with the hospital a quiet room for people waiting for a mental health "
                "assessment.",
                Metric.EXPERIENCE_GOOD,
                Ladder.CONSULTATION,
                TEAM_LEADER,
            ),
            Step(
                "Tell people waiting in A&E every hour how long it is likely to be.",
                Metric.EXPERIENCE_GOOD,
                Ladder.CO_DESIGN,
                PRACTITIONER,
            ),
            Step(
                "Ask people who waited in A&E to help design the waiting room.",
                Metric.EXPERIENCE_GOOD,
                Ladder.CO_PRODUCTION,
                LEAD,
            ),
        ),
    ),
    Theme(
        "Access to crisis care",
        0,
        "Some people find it easier to write than to talk, but the crisis line takes only "
        "phone calls.",
        [
            ("On my worst days I cannot talk, but I could have sent a text.", NEG),
            ("I am Deaf and a phone line is no use to me.", NEG),
            ("Texting feels less scary than ringing a stranger.", NEG),
            ("My phone has no credit for calls but I can still send messages.", NEG),
            ("I use text services for everything else. Why not for this?", NEG),
            ("My son rang for me because I could not find the words.", NEG),
        ],
        (
            Step(
                "Add a text message service to the crisis line, answered by the same team.",
                Metric.SEEN_WITHIN_TARGET,
                Ladder.CO_DESIGN,
                TEAM_LEADER,
            ),
            Step(
                "Make the crisis line usable by Deaf people, with the local Deaf community.",
                Metric.REACH,
                Ladder.CO_PRODUCTION,
                LEAD,
            ),
            Step(
                "Answer messages sent through the feedback page the next working day.",
                Metric.TOLD_OUTCOME,
                Ladder.CONSULTATION,
                LEAD,
            ),
        ),
    ),
]

PLACES = [
    "Listening session at the carers' group",
    "Community café drop-in",
    "Peer support group",
    "Listening stall at the library",
    "Drop-in at the Sanctuary",
    "Faith centre listening session",
]


def _status(step: int, months_ago: int) -> tuple[str, bool]:
    """An action's status, and whether it is overdue, by which of its insight's three it
    is and how many months ago the insight's voices came in: the first is done within
    weeks, the second (a bigger change) within months, and the third, longer-term, was
    left planned past its date in the middle of the year.

    Over the 13 months, 16 done, 9 in progress and 14 planned (7 overdue). With the
    demo's own two actions (one done, one planned and overdue), each status has eight or
    more, and so has overdue, even before last month's insight is written (and its
    actions): each may be shown, and planned ones (13 or more) are not rounded to as
    few as overdue ones (8)."""
    if step == 0:
        return (Action.Status.DONE if months_ago >= 3 else Action.Status.IN_PROGRESS), False
    if step == 1:
        if months_ago >= 9:
            return Action.Status.DONE, False
        return (Action.Status.IN_PROGRESS if months_ago >= 4 else Action.Status.PLANNED), False
    if months_ago >= 12:
        return Action.Status.IN_PROGRESS, False
    return Action.Status.PLANNED, 4 <= months_ago <= 10


def _month_start(now: dt.datetime, months_ago: int) -> dt.datetime:
    local = timezone.localtime(now, ZoneInfo(settings.TIME_ZONE))
    month = local.year * 12 + local.month - 1 - months_ago
    return dt.datetime(month // 12, month % 12 + 1, 1, tzinfo=local.tzinfo)


def _days(rng: random.Random, low: float, high: float) -> dt.timedelta:
    return dt.timedelta(days=rng.uniform(low, high))


@dataclass
class _Told:
    """One update owed to one contributor: the message that told them, or the letter."""

    outbox: OutboxMessage
    message: Message | None


def seed_thread_history(
    rng: random.Random, now: dt.datetime, teams: Sequence[Team], users: dict[str, User]
) -> dict[str, int]:
    """Write a year of the loop from voice to change; return how many of each were made."""
    lead = users[LEAD]
    today = timezone.localdate(now)
    categories = {c.name: c for c in EnquiryCategory.objects.filter(framework="local")}
    voices: list[Voice] = []
    plans: list[tuple[int, Theme, dt.datetime, list[Voice]]] = []
    for index, theme in enumerate(THEMES):
        months_ago = len(THEMES) - index
        start = _month_start(now, months_ago)
        end = _month_start(now, months_ago - 1)
        # After the month, the lead and the network read its voices and write an insight.
        insight_at = end + _days(rng, 4, 20)
        heard = []
        # Each thing said by about as many people; the first to say it agreed to a quote.
        said = rng.sample(theme.voices, len(theme.voices))
        for n in range(rng.randint(16, 22)):
            received = start + dt.timedelta(
                seconds=rng.uniform(6 * 3600, (end - start).total_seconds() - 6 * 3600)
            )
            listened = n < 9  # most came from community listening, the rest by phone or post
            text, sentiment = said[n % len(said)]
            heard.append(
                Voice(
                    channel=Voice.Channel.COMMUNITY_LISTENING
                    if listened
                    else rng.choice([Voice.Channel.PHONE, Voice.Channel.PAPER]),
                    text=text,
                    received_at=received,
                    team=teams[theme.team],
                    consent_improvement=True,
                    consent_quote=n < len(said),
                    recorded_by=lead if listened else users[PRACTITIONER],
                    source_detail=rng.choice(PLACES) if listened else "",
                    sentiment=sentiment,
                    reviewed_at=received + _days(rng, 1, 6),
                    reviewed_by=lead,
                )
            )
        rng.shuffle(heard)
        # Ten of each month's contributors asked to hear what changed.
        for n, voice in enumerate(heard[:10]):
            how = rng.choices(["email", "sms", "post"], weights=[5, 4, 1])[0]
            voice.consent_contact, voice.contact_channel = True, how
            if how == "email":
                voice.contact_email = f"heard{index}.{n}@example.com"
            elif how == "sms":
                voice.contact_phone = f"07700900{index * 10 + n:03d}"
            else:
                voice.contact_address = f"{n + 1} Example Lane\nIpswich\nIP2 {index % 9 + 1}YY"
                voice.contact_format = rng.choice([Format.STANDARD, Format.LARGE_PRINT])
        voices.extend(heard)
        plans.append((months_ago, theme, insight_at, heard))
    Voice.objects.bulk_create(voices)
    Voice.categories.through.objects.bulk_create(
        Voice.categories.through(
            voice_id=voice.pk, enquirycategory_id=categories[theme.category].pk
        )
        for _, theme, _, heard in plans
        for voice in heard
    )

    # Last month's insight is written only once its day has come.
    plans = [plan for plan in plans if plan[2] < now - dt.timedelta(hours=12)]
    insights = Insight.objects.bulk_create(
        Insight(statement=theme.statement, created_by=lead) for _, theme, _, _ in plans
    )
    for insight, (_, _, insight_at, _) in zip(insights, plans, strict=True):
        insight.created_at = insight_at
    Insight.objects.bulk_update(insights, ["created_at"])
    Insight.voices.through.objects.bulk_create(
        Insight.voices.through(insight_id=insight.pk, voice_id=voice.pk)
        for insight, (_, _, _, heard) in zip(insights, plans, strict=True)
        for voice in heard
    )
    Insight.written_with.through.objects.bulk_create(
        Insight.written_with.through(insight_id=insight.pk, user_id=users[TEAM_LEADER].pk)
        for insight in insights[::2]
    )

    actions, done_at = [], []
    for insight, (months_ago, theme, insight_at, _) in zip(insights, plans, strict=True):
        for step_index, (step, (low, high)) in enumerate(
            zip(theme.steps, [(3, 14), (10, 28), (21, 45)], strict=True)
        ):
            created = min(insight_at + _days(rng, low, high), now - dt.timedelta(hours=6))
            status, overdue = _status(step_index, months_ago)
            finished = None
            if status == Action.Status.DONE:
                took = _days(rng, 14, 42) if step_index == 0 else _days(rng, 50, 110)
                finished = min(created + took, now - _days(rng, 2, 4))
                due = (created + took * rng.uniform(0.7, 1.3)).date()  # some late, some early
            elif overdue:
                due = min((created + _days(rng, 21, 60)).date(), today - _days(rng, 7, 30))
            else:
                # On track: a month or more to go, so the demo stays as it is for a while.
                due = today + _days(rng, 30, 150)
            actions.append(
                Action(
                    insight=insight,
                    description=step.description,
                    owner=users[step.owner],
                    due_on=due,
                    status=status,
                    framework=f"Crisis care improvement plan {created.year}",
                    metric=step.metric,
                    ladder=step.ladder,
                    created_by=lead,
                    created_at=created,
                )
            )
            done_at.append((step, finished))
    created_at = [a.created_at for a in actions]
    actions = Action.objects.bulk_create(actions)
    for action, when in zip(actions, created_at, strict=True):
        action.created_at = when
    Action.objects.bulk_update(actions, ["created_at"])

    updates = Update.objects.bulk_create(
        Update(
            action=action,
            you_said=step.you_said,
            we_did=step.we_did,
            published_at=finished,
            published_by=lead,
            checked_by=lead,
            owed_to=sum(v.consent_contact for v in action.insight.voices.all()),
            fanned_out_at=finished + dt.timedelta(minutes=2),
        )
        for action, (step, finished) in zip(actions, done_at, strict=True)
        if finished is not None
    )
    told = _tell(rng, now, updates, lead)
    return {
        "voices": len(voices),
        "insights": len(insights),
        "actions": len(actions),
        "updates": len(updates),
        "told": len(told),
    }


def _tell(
    rng: random.Random, now: dt.datetime, updates: Sequence[Update], lead: User
) -> list[_Told]:
    """Each update told to every contributor who asked: a text or an email delivered by
    Notify within a day or so (its address gone once delivered, and its words once older
    than messages are kept), or a letter printed and posted within the week."""
    kept_since = now - dt.timedelta(days=settings.RETENTION_MESSAGE_DAYS)
    told: list[_Told] = []
    renders: dict[tuple[int, str, str], tuple[str, str]] = {}
    for update in updates:
        owed = Voice.objects.to_contact_back().filter(insights__actions=update.action_id)
        for voice in owed.order_by("pk"):
            fmt = voice.contact_format or Format.STANDARD
            outbox = OutboxMessage(
                update=update, voice=voice, channel=voice.contact_channel, format=fmt
            )
            if voice.contact_channel == Voice.ContactChannel.POST:
                at = min(update.published_at + _days(rng, 1, 6), now - dt.timedelta(hours=1))
                outbox.status = OutboxMessage.Status.SENT
                outbox.posted_at, outbox.posted_by = at, lead
                told.append(_Told(outbox, None))
                continue
            channel = (
                Message.Channel.EMAIL
                if voice.contact_channel == Voice.ContactChannel.EMAIL
                else Message.Channel.SMS
            )
            at = min(update.published_at + _days(rng, 0.01, 1.5), now - dt.timedelta(hours=1))
            subject = body = ""
            if at >= kept_since:
                key = (update.pk, fmt, channel)
                if key not in renders:
                    rendered = delivery.render(update, fmt, "en", channel)
                    renders[key] = (rendered.subject, rendered.body)
                subject, body = renders[key]
            message = Message(
                id=uuid.UUID(int=rng.getrandbits(128), version=4),
                kind=Message.Kind.YOU_SAID_WE_DID,
                channel=channel,
                subject=subject,
                body=body,
                status=Message.Status.DELIVERED,
                attempts=1,
                notify_id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                sent_at=at,
                completed_at=at + dt.timedelta(minutes=rng.randint(1, 30)),
            )
            outbox.message = message
            told.append(_Told(outbox, message))
    messages = [t.message for t in told if t.message is not None]
    Message.objects.bulk_create(messages)
    for t in told:
        if t.message is not None:
            t.message.created_at = t.outbox.update.published_at + dt.timedelta(minutes=2)
    Message.objects.bulk_update(messages, ["created_at"])
    made = OutboxMessage.objects.bulk_create([t.outbox for t in told])
    for row in made:
        row.queued_at = row.update.published_at + dt.timedelta(minutes=2)
    OutboxMessage.objects.bulk_update(made, ["queued_at"])
    return told
