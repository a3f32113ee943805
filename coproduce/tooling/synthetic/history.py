"""Two years of synthetic history for the demo trust, so its evidence has something to show.

Closed episodes with their referrals, contacts and (for the response vehicle) dispatches,
and rated voices, spread over the 24 months before now, written in bulk. The home
treatment team adopts a lead practitioner model ``CHANGE_MONTHS_AGO`` months ago: from
then its episodes see fewer distinct staff, stay a shorter time and disengage less; its
admissions fall. Everything is synthetic and marked so.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from coproduce.accounts.models import User
from coproduce.care.models import Contact, Dispatch, Episode, Person, Referral, Team
from coproduce.voices.models import Voice

CHANGE_MONTHS_AGO = 12


@dataclass(frozen=True)
class Scale:
    """How much history: the demo's two quiet years, or a busy trust's year."""

    months: int = 24
    episodes_per_month: int = 80
    voices_per_month: int = 110
    contacts_per_episode: float = 6  # beyond the first (Poisson mean)
    # Referrals declined or signposted elsewhere, with no episode.
    other_referrals_per_month: int = 0
    # The share of episodes still open (the newest): a live caseload.
    open_share: float = 0.0
    # Referrals up to three days ago, as a live service has; an episode not over by now
    # is still open (led by staff other than the demo's own accounts, whose caseloads
    # are written by hand). Without it, referrals stop 40 days ago and every episode
    # has ended.
    runs_to_now: bool = True


DEMO = Scale()
# About 20,000 referrals, 8,000 episodes, 120,000 contacts and 30,000 voices in a year.
TRUST_YEAR = Scale(
    months=12,
    episodes_per_month=667,
    voices_per_month=2500,
    contacts_per_episode=14,
    other_referrals_per_month=1000,
    open_share=0.01,
    runs_to_now=False,
)


def change_date(now: dt.datetime) -> dt.date:
    """The first day of the month the home treatment team changed its model."""
    month = (now.year * 12 + now.month - 1) - CHANGE_MONTHS_AGO
    return dt.date(month // 12, month % 12 + 1, 1)


def seed_history(
    rng: random.Random,
    now: dt.datetime,
    teams: Sequence[Team],
    clinicians: Sequence[User],
    recorder: User,
    nhs_number: Callable[[], str],
    given: Sequence[str],
    family: Sequence[str],
    scale: Scale = DEMO,
) -> dict[str, int]:
    """Write the history; return how many rows of each kind."""
    start = now - dt.timedelta(days=scale.months * 30.4)
    changed_at = dt.datetime.combine(change_date(now), dt.time(), tzinfo=now.tzinfo)
    home_treatment, vehicle_team = teams[1], teams[2]
    n_episodes = scale.months * scale.episodes_per_month
    people = Person.objects.bulk_create(
        Person(
            nhs_number=nhs_number(),
            given_name=rng.choice(given),
            family_name=rng.choice(family),
            # Adults: the crisis teams here see people of 18 and over.
            date_of_birth=dt.date(rng.randint(1950, 2005), rng.randint(1, 12), rng.randint(1, 28)),
        )
        for _ in range(n_episodes)
    )
    referral_rows, episode_rows, plans = [], [], []
    for person in people:
        team = rng.choice(teams[:3])
        still_open = rng.random() < scale.open_share
        last_days = 3 if scale.runs_to_now else 40
        received = (
            now - dt.timedelta(days=rng.uniform(2, 20))
            if still_open
            else start
            + dt.timedelta(
                seconds=rng.uniform(0, (now - start).total_seconds() - last_days * 86_400)
            )
        )
        # Very urgent (4 hours) and urgent (24 hours) referrals, each seen late often
        # enough that a month's late ones are more than a handful and may be published.
        urgency = rng.choices(["4", "2", "3"], weights=[4, 4, 2])[0]
        hours = (
            rng.lognormvariate(math.log(3), 0.6)
            if urgency == "4"
            else rng.lognormvariate(math.log(16), 0.8)
        )
        seen_at = min(received + dt.timedelta(hours=hours), now - dt.timedelta(hours=1))
        after = team == home_treatment and received >= changed_at
        distinct = min(1 + _poisson(rng, 1.2 if after else 3.5), 8)
        stay_days = rng.gammavariate(2.0, (10 + 2.5 * distinct) / 2)
        if seen_at + dt.timedelta(days=stay_days) > now:
            still_open = True  # not over yet (only when the history runs to now)
        disengaged = rng.random() < 1 / (1 + math.exp(-(-3.2 + 0.35 * distinct)))
        admitted = not disengaged and rng.random() < (0.05 if after else 0.09)
        referral_rows.append(
            Referral(
                person=person,
                team=team,
                source=rng.choice(
                    ["ambulance", "police"] if team == vehicle_team else Referral.Source.values
                ),
                urgency=urgency,
                received_at=received,
                reason="(Synthetic history)",
                status=Referral.Status.ACCEPTED,
                seen_at=seen_at,
            )
        )
        if still_open:
            stay_days = (now - seen_at).total_seconds() / 86_400 * 0.9
            disengaged = admitted = False
        closed_at = None if still_open else seen_at + dt.timedelta(days=stay_days)
        destination = (
            "disengaged"
            if disengaged
            else "admitted"
            if admitted
            else ""
            if still_open
            else rng.choice(["gp", "community_team", "no_further_care"])
        )
        episode_rows.append(
            Episode(
                person=person,
                team=team,
                lead_practitioner=rng.choice(
                    clinicians[3:] if still_open and scale.runs_to_now else clinicians[:3]
                ),
                accepted_at=seen_at,
                closed_at=closed_at,
                discharge_destination=destination,
                disengaged_at=closed_at if disengaged else None,
            )
        )
        plans.append((distinct, stay_days))
    referrals = Referral.objects.bulk_create(referral_rows, batch_size=2000)
    for referral, episode in zip(referrals, episode_rows, strict=True):
        episode.referral = referral
    episodes = Episode.objects.bulk_create(episode_rows, batch_size=2000)
    other = _other_referrals(rng, scale, start, now, people, teams)

    contacts, dispatches = [], []
    for episode, (distinct, stay_days) in zip(episodes, plans, strict=True):
        staff = [
            episode.lead_practitioner,
            *rng.sample([c for c in clinicians if c != episode.lead_practitioner], distinct - 1),
        ]
        count = max(distinct, 1 + _poisson(rng, scale.contacts_per_episode))
        for k in range(count):
            who = (
                staff[k] if k < distinct else staff[0] if rng.random() < 0.5 else rng.choice(staff)
            )
            contacts.append(
                Contact(
                    episode=episode,
                    staff=who,
                    occurred_at=episode.accepted_at + dt.timedelta(days=stay_days * k / count),
                    mode=rng.choice(Contact.Mode.values),
                    persons_words="(Synthetic history)",
                    shared_understanding="(Synthetic history)",
                    feelings_validated="(Synthetic history)",
                    next_steps="(Synthetic history)",
                )
            )
        if episode.team_id == vehicle_team.pk:
            if episode.referral is None:
                continue
            vehicle_referral = episode.referral
            dispatched = vehicle_referral.received_at + dt.timedelta(minutes=rng.uniform(2, 15))
            after = vehicle_referral.received_at >= changed_at
            draw = rng.random()
            ae = 0.22 * (0.74 if after else 1)
            dispatches.append(
                Dispatch(
                    referral=vehicle_referral,
                    dispatched_at=dispatched,
                    arrived_at=dispatched
                    + dt.timedelta(minutes=rng.lognormvariate(math.log(38), 0.35)),
                    outcome="conveyed_ae"
                    if draw < ae
                    else "police_needed"
                    if draw < ae + 0.07
                    else rng.choice(["stayed_home", "home_treatment"]),
                    recorded_by=recorder,
                )
            )
    Contact.objects.bulk_create(contacts, batch_size=2000)
    Dispatch.objects.bulk_create(dispatches)

    voices = []
    for _ in range(scale.months * scale.voices_per_month):
        team = rng.choice(teams[:3])
        # Up to an hour ago: last month is as full as any other, and this month so far.
        received = start + dt.timedelta(
            seconds=rng.uniform(0, (now - start).total_seconds() - 3600)
        )
        after = team == home_treatment and received >= changed_at
        good = rng.random() < (0.78 if after else 0.62)
        channel = rng.choices(
            ["fft_import", "web", "sms", "paper", "phone"], weights=[5, 2, 2, 1, 1]
        )[0]
        # Half of those who answered by text, phone, post or the web said who they were
        # (a person on our records): the contributors the reach page counts.
        known = channel != "fft_import" and rng.random() < 0.5
        voices.append(
            Voice(
                channel=channel,
                person=rng.choice(people) if known else None,
                rating=rng.choice([1, 2]) if good else rng.choice([3, 4, 5, 6]),
                received_at=received,
                team=team,
                consent_improvement=True,
                reviewed_at=min(received + dt.timedelta(days=2), now),
                reviewed_by=recorder,
            )
        )
    Voice.objects.bulk_create(voices, batch_size=2000)
    return {
        "referrals": len(referrals) + other,
        "episodes": len(episodes),
        "contacts": len(contacts),
        "dispatches": len(dispatches),
        "voices": len(voices),
    }


def _other_referrals(
    rng: random.Random,
    scale: Scale,
    start: dt.datetime,
    now: dt.datetime,
    people: Sequence[Person],
    teams: Sequence[Team],
) -> int:
    """Referrals declined or signposted elsewhere: no episode follows them."""
    rows = []
    for _ in range(scale.months * scale.other_referrals_per_month):
        received = start + dt.timedelta(
            seconds=rng.uniform(0, (now - start).total_seconds() - 2 * 86_400)
        )
        rows.append(
            Referral(
                person=rng.choice(people),
                team=rng.choice(teams[:3]),
                source=rng.choice(Referral.Source.values),
                urgency=rng.choice(["2", "3"]),
                received_at=received,
                reason="(Synthetic history)",
                status=Referral.Status.DECLINED,
                seen_at=received + dt.timedelta(hours=rng.uniform(1, 20)),
            )
        )
    Referral.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def _poisson(rng: random.Random, mean: float) -> int:
    """Knuth's method: fine for the small means used here."""
    limit, k, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        k += 1
        product *= rng.random()
    return k
