"""A synthetic demo trust: teams, staff, people, referrals, episodes, contacts, voices.

Deterministic for a given seed. Every person is made up; NHS numbers are drawn from the
range that is never issued (999…), so none can belong to a real patient.
"""

from __future__ import annotations

import datetime as dt
import decimal
import random
from dataclasses import dataclass
from typing import Any

import nhs_number
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from coproduce.accounts.models import Role, User
from coproduce.accounts.second_factor import demo_key
from coproduce.care import plans, referrals
from coproduce.care.models import (
    Appointment,
    Contact,
    CrisisPlan,
    Dispatch,
    Episode,
    Person,
    Referral,
    SafetyPlan,
    Team,
)
from coproduce.change import delivery
from coproduce.change import services as change
from coproduce.change.catalogue import Metric
from coproduce.firstresponse import services as first_response
from coproduce.firstresponse.models import Call, LinePartner, SanctuaryVisit
from coproduce.lib.formats import Format
from coproduce.lib.validators import number_key
from coproduce.network import services as network
from coproduce.network.models import (
    Ladder,
    MeetingKind,
    MeetingSeries,
    Member,
    PaymentRate,
    StandardScore,
)
from coproduce.tooling.synthetic.coproduction import seed_members, seed_thread_history
from coproduce.tooling.synthetic.firstresponse import seed_line_year
from coproduce.tooling.synthetic.history import DEMO as DEMO_HISTORY
from coproduce.tooling.synthetic.history import Scale, seed_history
from coproduce.tooling.synthetic.improvement import seed_improvement
from coproduce.voices import categories as voice_categories
from coproduce.voices.models import (
    EnquiryCategory,
    FollowUpInvitation,
    Rating,
    ServiceFramework,
    Voice,
)
from coproduce.voices.services import receive_text
from coproduce.voices.suggest import suggest

DEMO_PASSWORD = "coproduce-demo"  # noqa: S105 - synthetic demo accounts only

# Sign-in name, first name, last name, role; the first four work in teams.
DEMO_USERS = [
    ("practitioner", "Priya", "Shah", Role.PRACTITIONER),
    ("support.worker", "Sam", "Okafor", Role.SUPPORT_WORKER),
    ("team.leader", "Fran", "Wilson", Role.TEAM_LEADER),
    ("le.lead", "Sophie", "Green", Role.LIVED_EXPERIENCE_LEAD),
    ("member", "Viv", "Adams", Role.NETWORK_MEMBER),
    ("analyst", "Alex", "Morgan", Role.ANALYST),
    ("admin", "Ade", "Bello", Role.ADMINISTRATOR),
]

TEAMS = [
    ("First Response Service (24/7 crisis line)", Team.Kind.CRISIS_LINE, None, None),
    ("Crisis Resolution and Home Treatment Team", Team.Kind.HOME_TREATMENT, None, None),
    ("Mental Health Response Vehicle", Team.Kind.RESPONSE_VEHICLE, None, None),
    ("The Sanctuary (evening)", Team.Kind.SANCTUARY, dt.time(18, 0), dt.time(1, 0)),
]
# What a Welsh reader sees on the Welsh feedback form and in Welsh texts.
WELSH_NAMES = [
    "Gwasanaeth Ymateb Cyntaf (llinell argyfwng 24/7)",
    "Tîm Datrys Argyfwng a Thriniaeth yn y Cartref",
    "Cerbyd Ymateb Iechyd Meddwl",
    "Y Noddfa (gyda’r nos)",
]

GIVEN = [
    "Alex",
    "Jordan",
    "Morgan",
    "Casey",
    "Riley",
    "Taylor",
    "Jamie",
    "Robin",
    "Charlie",
    "Sasha",
    "Kai",
    "Avery",
    "Rowan",
    "Ellis",
    "Nia",
    "Omar",
    "Lena",
    "Tomasz",
    "Mei",
    "Ravi",
]
FAMILY = [
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Johnson",
    "Davies",
    "Patel",
    "Khan",
    "Evans",
    "Thomas",
    "Roberts",
    "Walker",
    "Wright",
    "Nowak",
    "Chen",
]

POSITIVE_VOICES = [
    "The person on the phone really listened and did not rush me.",
    "Seeing the same nurse each time meant I did not have to repeat my story.",
    "The Sanctuary felt like a living room, not a hospital. A cuppa and someone to talk to.",
    "They came to my home within the hour and my mum was included in the plan.",
    "I left with a plan I had agreed to, and I knew who would call me next.",
]
NEGATIVE_VOICES = [
    "I saw a different person every day and had to explain everything again.",
    "I was told to have a bath and go for a walk. I felt dismissed.",
    "Nobody told my partner what was happening.",
    "I waited hours for a call back when I was at my worst.",
    "The leaflet was only in English and my dad could not read it.",
]


@dataclass
class SeedReport:
    teams: int
    users: int
    people: int
    episodes: int
    contacts: int
    voices: int
    referrals_waiting: int
    calls: int  # to the First Response line
    visits: int  # to the Sanctuary


def daytime(now: dt.datetime, *, days: int, hour: int) -> dt.datetime:
    """``days`` from ``now`` (back if negative) at ``hour`` o'clock, local time: a demo
    seeded at night had its meetings at 02:16 (a fresh-eyes trial)."""
    day = timezone.localtime(now + dt.timedelta(days=days))
    return day.replace(hour=hour, minute=0, second=0, microsecond=0)


def _synthetic_nhs_number(rng: random.Random, used: set[str]) -> str:
    while True:
        digits = "999" + "".join(str(rng.randrange(10)) for _ in range(6))
        check = nhs_number.calculate_checksum(digits)
        if check is not None and check != 10:
            number = f"{digits}{check}"
            if number not in used:
                used.add(number)
                return number


def ensure_demo_authenticators() -> int:
    """Give each demo staff account its demo authenticator (keyed from the demo secret),
    also in a demo database seeded before staff needed one. How many were given."""
    added = 0
    for username, _first, _last, role in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None or role == Role.NETWORK_MEMBER:
            continue
        if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            TOTPDevice.objects.create(
                user=user, name="Demo authenticator", key=demo_key(username), confirmed=True
            )
            added += 1
    return added


@transaction.atomic
def seed_demo(
    seed: int = 2026, people: int = 40, voices: int = 240, history: Scale = DEMO_HISTORY
) -> SeedReport:
    rng = random.Random(seed)
    now = timezone.now()

    users = {}
    for username, first, last, role in DEMO_USERS:
        user = User(username=username, first_name=first, last_name=last, role=role)
        user.set_password(DEMO_PASSWORD)
        user.is_staff = role == Role.ADMINISTRATOR
        user.is_superuser = role == Role.ADMINISTRATOR
        user.save()
        users[username] = user
    # Staff sign in with a code too; the demo's code page shows the current one.
    ensure_demo_authenticators()
    clinicians = [users["practitioner"], users["support.worker"], users["team.leader"]]
    for n in range(6):
        extra = User(
            username=f"staff{n + 1}",
            first_name=rng.choice(GIVEN),
            last_name=rng.choice(FAMILY),
            role=Role.PRACTITIONER if n % 2 == 0 else Role.SUPPORT_WORKER,
        )
        extra.set_unusable_password()
        extra.save()
        clinicians.append(extra)

    teams = []
    team_staff: dict[int, set[User]] = {}
    for n, (name, kind, opens, closes) in enumerate(TEAMS):
        team = Team.objects.create(
            name=name,
            welsh_name=WELSH_NAMES[n],
            kind=kind,
            opens_at=opens,
            closes_at=closes,
            # Synthetic duty contacts (Ofcom's drama range and example.nhs.uk).
            duty_phone=f"07700900{500 + n}",
            duty_email=f"duty.team{n + 1}@example.nhs.uk",
        )
        team.staff.set(clinicians[:3] + rng.sample(clinicians[3:], 3))
        team_staff[team.pk] = set(team.staff.all())
        teams.append(team)
    # The home treatment team has a peer worker, who signs its follow-up invitations.
    teams[1].peer_worker = users["support.worker"]
    teams[1].save(update_fields=["peer_worker"])

    voice_categories.ensure_local()
    framework = voice_categories.default_framework_path()
    if framework.is_file():
        voice_categories.load_v6(framework)
        # One service tags its voices with NHS England's framework; the others keep the
        # local categories (each service has one, set in the admin).
        ServiceFramework.objects.create(
            team=teams[0], framework=EnquiryCategory.Framework.NHS_ENGLAND_V6
        )
    categories = [
        EnquiryCategory.objects.get(name=name)
        for name, _description, _words in voice_categories.LOCAL
    ]

    used: set[str] = set()
    for _ in range(people):
        person = Person.objects.create(
            nhs_number=_synthetic_nhs_number(rng, used),
            given_name=rng.choice(GIVEN),
            family_name=rng.choice(FAMILY),
            date_of_birth=dt.date(rng.randint(1950, 2006), rng.randint(1, 12), rng.randint(1, 28)),
            phone=f"07700900{len(used) % 1000:03d}",
            email=f"person{len(used)}@example.com",
            feedback_invitations=rng.choice(Person.FeedbackInvitations.values),
        )
        team = rng.choice(teams[:3])
        received = now - dt.timedelta(days=rng.randint(1, 40), hours=rng.randint(0, 23))
        urgency = rng.choice(Referral.Urgency.values)
        source = rng.choice(Referral.Source.values)
        referral = Referral.objects.create(
            person=person,
            team=team,
            source=source,
            urgency=urgency,
            received_at=received,
            reason="Synthetic referral for the demonstration.",
            physical_health_need=team.kind != Team.Kind.RESPONSE_VEHICLE and rng.random() < 0.1,
            status=Referral.Status.ACCEPTED,
            respond_by=referrals.respond_by(source, urgency, received),
            seen_at=received + dt.timedelta(hours=rng.randint(1, 6)),
        )
        lead = rng.choice(clinicians[:3])
        closed = received + dt.timedelta(days=rng.randint(7, 30))
        episode = Episode.objects.create(
            person=person,
            team=team,
            referral=referral,
            lead_practitioner=lead,
            accepted_at=received + dt.timedelta(hours=rng.randint(1, 20)),
            closed_at=closed if closed < now and rng.random() < 0.4 else None,
        )
        # The named team is chosen from the team's own staff, as accepting does (a
        # fresh-eyes trial could not book named members it did not work with); the draw
        # is made as before, so the rest of the demo's random choices stay the same.
        drawn = rng.sample(clinicians, 2)
        on_team = [c for c in clinicians if c in team_staff[team.pk]]
        named = [lead, *(c for c in drawn if c in on_team and c != lead)]
        named += [c for c in on_team if c not in named][: max(0, 3 - len(named))]
        episode.named_team.set(named)
        if episode.closed_at is not None:
            due = episode.closed_at + dt.timedelta(days=team.follow_up_after_days)
            FollowUpInvitation.objects.create(
                episode=episode,
                due_at=due,
                # Invitations already due were sent on their day (a demo has no history).
                status="sent" if due < now else "scheduled",
                sent_at=due if due < now else None,
            )
        referrals.book_initial_and_reviews(
            lead, episode, episode.accepted_at + dt.timedelta(hours=2)
        )
        # Most past appointments happened; a few were missed and are overdue on the worklist.
        past = episode.appointments.filter(starts_at__lt=now)
        if rng.random() < 0.85 or episode.closed_at is not None:
            past.update(status=Appointment.Status.ATTENDED)
        if episode.closed_at is not None:
            episode.appointments.filter(starts_at__gt=episode.closed_at).update(
                status=Appointment.Status.CANCELLED
            )
        plans.save_new_version(
            lead,
            CrisisPlan,
            person,
            {
                "about_me": "(Synthetic) I live with my partner and two cats.",
                "care_needs": "(Synthetic) Someone to talk to at night; help sleeping.",
                "medication": "(Synthetic) Sertraline 100 mg each morning.",
                "intervention_preferences": "(Synthetic) Please call before visiting. "
                "I do not want to go to A&E unless I am physically hurt.",
                "practical_matters": "(Synthetic) My neighbour can feed the cats.",
            },
        )
        if rng.random() < 0.5:
            plans.save_new_version(
                lead,
                SafetyPlan,
                person,
                {
                    "warning_signs": "(Synthetic) Not sleeping; stopping eating.",
                    "things_i_can_do": "(Synthetic) Walk the dog; music; a cold shower.",
                    "people_i_can_ask": "(Synthetic) My sister.",
                    "professionals": "(Synthetic) Crisis line, any time.",
                    "reasons_for_living": "(Synthetic) My niece; my cats.",
                },
            )
        # Each appointment attended was a contact, recorded as one (as the service does).
        for held in episode.appointments.filter(status=Appointment.Status.ATTENDED):
            Contact.objects.create(
                episode=episode,
                staff=held.staff,
                occurred_at=held.starts_at,
                mode=Contact.Mode.FACE_TO_FACE,
                appointment=held,
                persons_words="(Synthetic) A bit better than last time; nights are still hard.",
                crisis_plan_reviewed=True,
                shared_understanding="(Synthetic) We went through what helps at night.",
                feelings_validated="(Synthetic) Said the progress is theirs.",
                next_steps="(Synthetic) Keep to the plan; the next review is booked.",
            )
        episode.appointments.filter(status=Appointment.Status.ATTENDED).update(
            outcome_recorded_by=lead, outcome_recorded_at=F("starts_at")
        )
        for k in range(rng.randint(1, 4)):
            occurred = episode.accepted_at + dt.timedelta(days=k * 3, hours=1)
            if occurred > now:
                break
            Contact.objects.create(
                episode=episode,
                staff=rng.choice([lead, *episode.named_team.all()]),
                occurred_at=occurred,
                mode=rng.choice(Contact.Mode.values),
                persons_words="(Synthetic) I have not slept and everything feels too much.",
                crisis_plan_reviewed=True,
                shared_understanding="(Synthetic) We agreed the main worry is tonight.",
                feelings_validated="(Synthetic) Acknowledged how exhausting this has been.",
                next_steps="(Synthetic) Call back tomorrow at 10:00; crisis line numbers given.",
            )

    # Two years of closed episodes and rated voices, so the evidence pages have history.
    seed_history(
        rng,
        now,
        teams,
        clinicians,
        users["team.leader"],
        lambda: _synthetic_nhs_number(rng, used),
        GIVEN,
        FAMILY,
        history,
    )

    # Referrals waiting to be allocated now: one past its clock, some within it.
    waiting = [
        (Referral.Urgency.VERY_URGENT, Referral.Source.POLICE, 5 * 60),
        (Referral.Urgency.VERY_URGENT, Referral.Source.NHS_111, 90),
        (Referral.Urgency.URGENT, Referral.Source.GP, 6 * 60),
        (Referral.Urgency.URGENT, Referral.Source.AE_LIAISON, 20),
        (Referral.Urgency.ROUTINE, Referral.Source.SELF, 26 * 60),
    ]
    home_treatment, vehicle = teams[1], teams[2]
    for urgency, source, minutes_ago in waiting:
        person = Person.objects.create(
            nhs_number=_synthetic_nhs_number(rng, used),
            given_name=rng.choice(GIVEN),
            family_name=rng.choice(FAMILY),
            date_of_birth=dt.date(rng.randint(1950, 2006), rng.randint(1, 12), rng.randint(1, 28)),
            phone=f"07700900{len(used) % 1000:03d}",
            email=f"person{len(used)}@example.com",
            feedback_invitations=rng.choice(Person.FeedbackInvitations.values),
        )
        referrals.receive_referral(
            users["team.leader"],
            person=person,
            team=home_treatment,
            source=source,
            urgency=urgency,
            reason="(Synthetic) Distressed, not sleeping, family worried.",
            physical_health_need=False,
            received_at=now - dt.timedelta(minutes=minutes_ago),
        )
    # A response vehicle call: dispatched and arrived, handed over by the ambulance crew.
    caller = Person.objects.create(
        nhs_number=_synthetic_nhs_number(rng, used),
        given_name=rng.choice(GIVEN),
        family_name=rng.choice(FAMILY),
        date_of_birth=dt.date(1985, 3, 14),
    )
    call = referrals.receive_referral(
        users["practitioner"],
        person=caller,
        team=vehicle,
        source=Referral.Source.AMBULANCE,
        urgency=Referral.Urgency.VERY_URGENT,
        reason="(Synthetic) Ambulance triage: no physical health need; in distress at home.",
        physical_health_need=False,
        received_at=now - dt.timedelta(hours=3),
    )
    dispatch = referrals.dispatch_vehicle(
        users["practitioner"], call, dispatched_at=now - dt.timedelta(hours=2, minutes=50)
    )
    referrals.record_arrival(
        users["practitioner"],
        dispatch,
        arrived_at=now - dt.timedelta(hours=2, minutes=12),
        outcome=Dispatch.Outcome.STAYED_HOME,
        partner="Ambulance crew",
        handover_notes="(Synthetic) Crew handed over after 35 minutes; police not needed.",
    )

    # Roughly 72% good or very good, as seed 001's First Response Service reports.
    weights = [45, 27, 12, 7, 6, 3]
    voice_objects = []
    for _ in range(voices):
        rating = rng.choices(list(Rating), weights=weights)[0]
        positive = rating in {Rating.VERY_GOOD, Rating.GOOD}
        channel = rng.choices(
            [Voice.Channel.WEB, Voice.Channel.PHONE, Voice.Channel.PAPER, Voice.Channel.SMS],
            weights=[5, 2, 2, 3],
        )[0]
        contact_back = rng.random() < 0.3
        voice = Voice.objects.create(
            channel=channel,
            text=rng.choice(POSITIVE_VOICES if positive else NEGATIVE_VOICES),
            rating=rating,
            received_at=now - dt.timedelta(days=rng.randint(0, 364), hours=rng.randint(0, 23)),
            team=rng.choice(teams),
            consent_improvement=rng.random() < 0.9,
            consent_quote=rng.random() < 0.5,
            consent_contact=contact_back,
            contact_channel=(
                rng.choice([Voice.ContactChannel.EMAIL, Voice.ContactChannel.SMS])
                if contact_back
                else Voice.ContactChannel.NONE
            ),
        )
        if voice.contact_channel == Voice.ContactChannel.EMAIL:
            voice.contact_email = f"contributor{voice.pk}@example.com"
        elif voice.contact_channel == Voice.ContactChannel.SMS:
            voice.contact_phone = f"07700900{voice.pk % 1000:03d}"
        voice.save()
        suggest(voice)
        voice_objects.append(voice)

    # One message tonight that signals current risk: it raises an alert for the duty team,
    # who can call back the number it came from (Ofcom's drama range: no real phone).
    # By the same path as a real text, so the person's crisis reply is there too.
    at_risk = receive_text(
        "demo-at-risk-text",
        "447700900999",
        "(Synthetic) I can't go on like this. I don't feel safe tonight.",
        now - dt.timedelta(minutes=4),
    )
    at_risk.team = teams[0]
    at_risk.save(update_fields=["team"])

    # One thread already told: continuity voices → insight → action → update.
    lead = users["le.lead"]
    continuity = categories[0]
    evidence = [
        v for v in voice_objects if v.text in NEGATIVE_VOICES[:1] and v.consent_improvement
    ][:6]
    for v in evidence:
        v.categories.add(continuity)
        v.reviewed_at, v.reviewed_by = now, lead
        v.save(update_fields=["reviewed_at", "reviewed_by"])
    insight = change.create_insight(
        lead,
        "People tell us they see a different member of staff at almost every contact, and "
        "have to repeat their story each time.",
        evidence,
    )
    action = change.record_action(
        lead,
        insight,
        description="Introduce a lead practitioner and a named team of at most four people "
        "for everyone on the home treatment caseload.",
        owner=users["team.leader"],
        due_on=(now - dt.timedelta(days=10)).date(),
    )
    action.status = action.Status.DONE
    action.ladder = Ladder.CO_PRODUCTION
    action.framework = "Crisis care improvement plan 2026"
    action.metric = Metric.CONTINUITY
    action.save(update_fields=["status", "ladder", "framework", "metric"])
    # Contributors who asked to be told in other ways: by post in large print, by email
    # as audio, by text in Easy Read, and in Welsh.
    told = evidence[:5]
    ways = [
        {
            "contact_channel": Voice.ContactChannel.POST,
            "contact_address": "Flat 1\n1 Example Road\nIpswich\nIP1 1AA",
            "contact_format": Format.LARGE_PRINT,
        },
        {
            "contact_channel": Voice.ContactChannel.EMAIL,
            "contact_email": "listener@example.com",
            "contact_format": Format.AUDIO,
        },
        {
            "contact_channel": Voice.ContactChannel.SMS,
            "contact_phone": "07700900321",
            "contact_format": Format.EASY_READ,
        },
        {"contact_channel": Voice.ContactChannel.SMS, "contact_phone": "07700900322"},
    ]
    for voice, how in zip(told, ways, strict=False):
        voice.consent_contact = True
        for field, value in how.items():
            setattr(voice, field, value)
        voice.save()
    words = {
        "you_said": "You told us you saw too many different staff and had to repeat your story.",
        "we_did": "Everyone on the home treatment caseload now has a lead practitioner and a "
        "small named team, with reviews on day 7 and day 14.",
    }
    # As the lead does: preview, then confirm what was previewed.
    preview = change.preview_update(lead, action, **words)
    update = change.publish_update(lead, action, **words, confirmed=preview.digest)
    # The demo opens with its outbox filled: the fan-out is done here, in the seed; the
    # task publishing hands to the worker finds nothing left to do.
    delivery.fan_out(update)
    in_welsh = {
        "language": "cy",
        "you_said": "Dywedoch wrthym eich bod wedi gweld gormod o staff gwahanol a bod rhaid "
        "ailadrodd eich stori.",
        "we_did": "Mae gan bawb ar lwyth achosion y tîm triniaeth yn y cartref ymarferydd "
        "arweiniol a thîm bach wedi'i enwi, gydag adolygiadau ar ddiwrnod 7 a 14.",
    }
    # As the lead does: preview the translation, then confirm what was previewed.
    read = change.preview_translation(update, **in_welsh)
    change.translate_update(lead, update, **in_welsh, confirmed=read.digest)
    # Someone who wrote in Welsh asks to be told after the Welsh text was entered: they
    # are told in Welsh.
    welsh = evidence[5] if len(evidence) > 5 else None
    if welsh is not None:
        welsh.consent_contact, welsh.language = True, "cy"
        welsh.contact_channel, welsh.contact_email = Voice.ContactChannel.EMAIL, "cy@example.com"
        welsh.save()
        delivery.fan_out(update)
    seed_network(users, voice_objects, insight, now, rng)
    # A year of co-production, after all the above (which stays as it was): the network's
    # other members, and month by month voices to insights, actions and updates told back,
    # so the co-production health and reach pages have figures that may be shown.
    seed_members(rng, now)
    seed_thread_history(rng, now, teams, users)
    seed_first_response(teams, users, now, rng)
    seed_line_partners(teams[0], now)
    # Seed 002 as an improvement project, from Viv's voice to a change adopted (issue 23).
    seed_improvement(users, teams, now)
    return SeedReport(
        teams=len(teams),
        users=User.objects.exclude(role="").count(),  # staff and members: not the service's own
        people=Person.objects.count(),
        episodes=Episode.objects.count(),
        contacts=Contact.objects.count(),
        voices=len(voice_objects),
        referrals_waiting=Referral.objects.unallocated().count(),
        calls=Call.objects.count(),
        visits=SanctuaryVisit.objects.count(),
    )


def seed_first_response(
    teams: list[Team], users: dict[str, User], now: dt.datetime, rng: random.Random
) -> None:
    """A year of calls to the line and evenings at the Sanctuary, up to the day before
    yesterday (``synthetic.firstresponse``: seed 001's effects planted), then a few of
    tonight's by hand: a repeat caller, a caller invited to the Sanctuary, a caller at
    risk who hung up, a guest here now and one who has gone home."""
    line, sanctuary = teams[0], teams[3]
    sanctuary.capacity = 8
    sanctuary.save(update_fields=["capacity"])
    seed_line_year(rng, now, line, sanctuary, GIVEN + MEMBER_NAMES, capacity=sanctuary.capacity)
    handler = users["practitioner"]
    hour = dt.timedelta(hours=1)
    # The Sanctuary's part of tonight's story keeps to its hours (a fresh-eyes trial seeded
    # at 15:00 met a guest come at 13:00, "still here after closing" at once, and Jo
    # invited for 16:00 "by taxi at seven"). Seeded once it has been open a while, Sam
    # came two hours ago and is here; otherwise Sam came last night and is still on the
    # list after closing (not recorded leaving: the worklist's list of such guests), last
    # night's other guest went home, and Jo is invited for this evening.
    evening = _while_open(sanctuary, now)
    live = evening == now
    opening = sanctuary.next_opening(timezone.localtime(now))
    common = {"team": line, "handler": handler, "caller": Call.Caller.PERSON}
    # A repeat caller: the same number, keyed as the line's own service keys it.
    jo = {"called": "Jo", "phone": "07700 900 321", "area": "Wisbech"}
    jo["phone_key"] = number_key(jo["phone"])
    _tonights_call(
        **common,
        **jo,
        started_at=now - 26 * hour,
        ended_at=now - 26 * hour + dt.timedelta(minutes=18),
        persons_words="Everything got on top of me tonight and I could not sleep.",
        shared_understanding="Jo is safe at home; her sister is nearby.",
        next_steps="Jo will ring her sister in the morning and call us again if it gets worse.",
        outcomes=[Call.Outcome.SUPPORT, Call.Outcome.SAFE_AT_HOME],
        # If the screen flagged her words, the handler read them the next morning.
        risk_read_at=now - 20 * hour,
        risk_read_by=handler,
        risk_read_note="Read: Jo could not sleep; no risk to life said, and she is safe at home.",
    )
    _tonights_call(
        **common,
        started_at=now - 2 * hour,
        ended_at=now - 2 * hour + dt.timedelta(minutes=12),
        **jo,
        persons_words="I am calling again, it is the same as last night.",
        shared_understanding="Jo would like company this evening.",
        next_steps="Jo will come to the Sanctuary by taxi; staff there will expect her.",
        outcomes=[Call.Outcome.SUPPORT, Call.Outcome.SANCTUARY],
        sanctuary_at=now + hour / 2 if live else sanctuary.next_opening(opening + hour),
    )
    invited = _tonights_call(
        **{**common, "caller": Call.Caller.NHS_111},
        started_at=evening - 3 * hour,
        ended_at=evening - 3 * hour + dt.timedelta(minutes=20),
        called="Sam",
        area="Peterborough",
        persons_words="I did not want to go to A&E again.",
        shared_understanding="Sam wants somewhere calm to be tonight.",
        next_steps="Sam will come to the Sanctuary; staff will make a plan for the night.",
        outcomes=[Call.Outcome.SANCTUARY],
        sanctuary_at=evening - 2 * hour,
    )
    # A caller at risk who hung up, not yet called back: on the duty worklist.
    _tonights_call(
        **{**common, "caller": Call.Caller.CARER},
        started_at=now - dt.timedelta(minutes=40),
        ended_at=now - dt.timedelta(minutes=36),
        called="Ash",
        phone="07700 900 654",
        phone_key=number_key("07700 900 654"),
        persons_words="My brother says he cannot go on.",
        outcomes=[Call.Outcome.CALL_BACK],
        hung_up_at_risk=True,
    )
    SanctuaryVisit.objects.create(
        team=sanctuary,
        welcomed_by=users["support.worker"],
        called="Sam",
        call=invited,
        arrived_at=evening - 2 * hour + dt.timedelta(minutes=5),
        came=SanctuaryVisit.Came.LINE,
        offered=[SanctuaryVisit.Offer.DRINK_AND_TALK, SanctuaryVisit.Offer.PEER_SUPPORT],
    )
    SanctuaryVisit.objects.create(
        team=sanctuary,
        welcomed_by=users["support.worker"],
        called="Alex",
        shown_as="Robin",
        arrived_at=evening - 3 * hour,
        came=SanctuaryVisit.Came.SELF,
        offered=[SanctuaryVisit.Offer.DRINK_AND_TALK],
        left_at=evening - hour,
        left=SanctuaryVisit.Left.HOME_SAFE,
    )


_HOUR = dt.timedelta(hours=1)


def _while_open(sanctuary: Team, now: dt.datetime) -> dt.datetime:
    """The latest time, from ``now`` back, at which the Sanctuary was open from three
    hours before until half an hour after: when an evening's story can happen."""
    step, around = dt.timedelta(minutes=15), (-3 * _HOUR, dt.timedelta(0), _HOUR / 2)
    for back in range(4 * 24 + 1):
        moment = now - back * step
        if all(sanctuary.is_open_at(timezone.localtime(moment + d).time()) for d in around):
            return moment
    return now


def _tonights_call(**fields: Any) -> Call:
    """One of tonight's calls, its words screened as a handler's are (hazard H47): the
    demo's caller who hung up at risk is flagged for what the screen read, as a real
    one would be."""
    screened = first_response.screen_words(fields["persons_words"])
    if not screened["risk_concerns"]:
        fields = {k: v for k, v in fields.items() if not k.startswith("risk_read")}
    return Call.objects.create(**fields, **screened)


# The partners' systems that pass calls to the line (ADR 0015): accounts that never sign
# in to the pages; their API token is `coproduce token --user nhs111` (or `police`).
LINE_PARTNERS = [
    ("nhs111", "East of England NHS 111", LinePartner.Organisation.NHS_111),
    ("police", "Cambridgeshire Constabulary", LinePartner.Organisation.POLICE),
]


def seed_line_partners(line: Team, now: dt.datetime) -> None:
    """NHS 111 and the police registered to pass calls to the line, and one call the
    police passed a few minutes ago, waiting at the top of the line to be taken."""
    partners = {}
    for username, name, organisation in LINE_PARTNERS:
        account = User(username=username, first_name=name, role=Role.PRACTITIONER)
        account.set_unusable_password()
        account.save()
        partner = LinePartner.objects.create(user=account, organisation=organisation, name=name)
        partner.lines.add(line)
        partners[organisation] = partner
    police = partners[LinePartner.Organisation.POLICE]
    passed = first_response.pass_call(
        police.user,
        first_response.Passing(
            passed_by=police.organisation,
            partner_reference="CC-DEMO-0042",
            line=line,
            reason="(Synthetic) Met on the river path, upset after a row at home; calm "
            "now and happy to talk to the line.",
            urgency="2",
            phone="07700 900 432",
            called="Lee",
            area="March",
        ),
    ).passed
    passed.passed_at = now - dt.timedelta(minutes=7)
    passed.save(update_fields=["passed_at"])


RESPECT_AGREEMENT = """We listen to each other and take turns to speak.
Everyone's experience counts the same: people who use services, carers, and staff.
We keep what people share in the meeting private.
We challenge ideas, not people.
We use plain words and explain any jargon.
Anyone can take a break at any time."""

MEMBER_NAMES = ["Jo", "Kit", "Mo", "Ash", "Bea", "Dev", "Ife", "Lou", "Pat", "Ray", "Sol", "Zee"]


def seed_network(
    users: dict[str, User],
    voices: list[Voice],
    continuity: Any,
    now: dt.datetime,
    rng: random.Random,
) -> None:
    """The co-production network: members, the respect agreement, a board with seats for
    lived experience, meetings with papers and claims, payment rates, two more insights
    ranked by members (one round closed, one open), and a 4Pi self-assessment."""
    lead = users["le.lead"]
    agreement = network.publish_agreement(lead, RESPECT_AGREEMENT)
    viv = Member.objects.create(
        user=users["member"],
        name="Viv",
        kind=Member.Kind.SERVICE_USER,
        reach_by=Member.Reach.TEXT,
        phone="07700900555",
        format=Member.Format.EASY_READ,
        joined_on=(now - dt.timedelta(days=200)).date(),
    )
    network.accept_agreement(viv, agreement)
    kinds = [Member.Kind.SERVICE_USER] * 6 + [Member.Kind.CARER] * 3 + [Member.Kind.PEER] * 2
    members = [viv]
    for n, name in enumerate(MEMBER_NAMES):
        member = network.join_network(
            name=name,
            kind=[*kinds, Member.Kind.STAFF][n % 12],
            reach_by=Member.Reach.EMAIL,
            email=f"member{n}@example.com",
            format=rng.choice([Format.STANDARD] * 4 + [Format.LARGE_PRINT, Format.AUDIO]),
            declines_payment=n % 5 == 0,
            accepts_agreement=n % 4 != 3,
            equality={
                "age_band": rng.choice(["18_24", "25_34", "35_44", "45_54", "55_64"]),
                "ethnic_group": rng.choice(["white"] * 3 + ["asian", "black", "mixed"]),
                "disability": rng.choice(["yes", "no", "no"]),
            },
        )
        member.joined_on = (now - dt.timedelta(days=rng.randint(10, 400))).date()
        member.save(update_fields=["joined_on"])
        members.append(member)
    network.record_training(
        lead, viv, course="confidence", title="", completed_on=(now - dt.timedelta(days=90)).date()
    )
    network.record_training(
        lead,
        viv,
        course="co_production",
        title="",
        completed_on=(now - dt.timedelta(days=60)).date(),
    )
    for kind in (Member.Kind.SERVICE_USER, Member.Kind.CARER, Member.Kind.PEER):
        for unit, amount in (("hour", "20.00"), ("half_day", "75.00"), ("day", "150.00")):
            PaymentRate.objects.create(kind=kind, unit=unit, amount=amount)

    board = MeetingSeries.objects.create(
        name="Crisis care delivery board",
        kind=MeetingKind.DELIVERY_BOARD,
        lived_experience_seats=3,
        ladder=Ladder.CO_DESIGN,
    )
    for member in members[:2]:
        board.seats.create(member=member, since=(now - dt.timedelta(days=150)).date())
    held = network.create_meeting(
        lead,
        series=board,
        kind=MeetingKind.DELIVERY_BOARD,
        title="Delivery board: continuity of care",
        starts_at=daytime(now, days=-14, hour=14),
        hours=2,
        place="The Sanctuary meeting room",
        agenda="Welcome and respect agreement\nWhat people told us about seeing many staff\n"
        "Lead practitioner model: progress",
        ladder=Ladder.CO_PRODUCTION,
    )
    network.add_paper(
        lead,
        held,
        title="What people told us about continuity",
        text="Many people told us they saw a different member of staff at almost every "
        "contact. They had to repeat their story. Carers were not always told what was "
        "happening.",
        easy_read_text="People saw lots of different staff.\nThey had to tell their story "
        "again and again.\nWe want you to see the same few people.",
    )
    network.invite(lead, held, members[:6])
    network.take_register(lead, held, {m.pk for m in members[:5]})
    network.record_decision(
        lead, held, "Every person on the caseload gets a named team of at most four."
    )
    viv_claim = network.submit_claim(
        users["member"],
        viv,
        held,
        unit="hour",
        units=decimal.Decimal(2),
        expenses=decimal.Decimal(6),
        expenses_note="Bus fare",
    )
    network.decide_claim(lead, viv_claim, approve=True)
    # Invited but not on the register: the claim waits for a person to check it.
    network.submit_claim(
        users["member"], members[5], held, unit="half_day", units=decimal.Decimal(1)
    )
    # Held three days ago and not claimed for yet: the member's "Claim for this meeting".
    focus = network.create_meeting(
        lead,
        kind=MeetingKind.FOCUS_GROUP,
        title="Focus group: evenings at the Sanctuary",
        starts_at=daytime(now, days=-3, hour=18),
        hours=2,
        place="The Sanctuary",
        agenda="What would make the evenings feel safe and welcoming",
        ladder=Ladder.CO_DESIGN,
    )
    network.invite(lead, focus, members[:4])
    network.take_register(lead, focus, {m.pk for m in members[:4]})
    upcoming = network.create_meeting(
        lead,
        kind=MeetingKind.OPEN_FORUM,
        title="Open forum: waiting for a call back",
        starts_at=daytime(now, days=10, hour=13),
        hours=2,
        place="Community centre, and online",
        agenda="What happens when you call the crisis line at night",
        ladder=Ladder.ENGAGEMENT,
    )
    network.invite(lead, upcoming, members)

    # Two more insights, ranked by members: one round closed, one open for Viv.
    def insight_from(text: str, statement: str) -> Any:
        chosen = [v for v in voices if v.text == text and v.consent_improvement][:5]
        return change.create_insight(lead, statement, chosen, written_with=[users["team.leader"]])

    waiting = insight_from(
        NEGATIVE_VOICES[3],
        "People wait hours for a call back from the crisis line when they are at their worst.",
    )
    language = insight_from(
        NEGATIVE_VOICES[4],
        "Information is often only in English, so some families cannot read it.",
    )
    closed = change.open_round(lead, "Priorities for 2026", [continuity, waiting, language])
    orders = [
        [continuity.pk, waiting.pk, language.pk],
        [waiting.pk, continuity.pk, language.pk],
        [waiting.pk, language.pk, continuity.pk],
        [continuity.pk, waiting.pk],
        [waiting.pk, continuity.pk, language.pk],
    ]
    for member, order in zip(members[1:], orders, strict=False):
        change.cast_ballot(member, closed, [[pk] for pk in order])
    change.cast_ballot(members[6], closed, [])  # an abstention
    change.close_round(lead, closed)
    change.open_round(lead, "Priorities for 2027", [waiting, language])
    change.record_action(
        lead,
        waiting,
        description="Call back everyone who calls the crisis line at night within one hour.",
        owner=users["team.leader"],
        due_on=(now - dt.timedelta(days=3)).date(),
        framework="Crisis care improvement plan 2026",
        metric=Metric.SEEN_WITHIN_TARGET,
        ladder=Ladder.CO_DESIGN,
        arising_from=held,
    )
    network.record_self_assessment(
        lead,
        period_start=(now - dt.timedelta(days=365)).date(),
        period_end=now.date(),
        scores={
            StandardScore.Standard.PRINCIPLES: (3, "A respect agreement everyone signs."),
            StandardScore.Standard.PURPOSE: (3, "Members set the priorities each year."),
            StandardScore.Standard.PRESENCE: (2, "Few members under 25 or from Black communities."),
            StandardScore.Standard.PROCESS: (3, "Papers in Easy Read and large print."),
            StandardScore.Standard.IMPACT: (2, "You said, we did is told back to contributors."),
        },
    )
