"""The enquiry-category framework: seed 003's local categories and NHS England's v6.

The v6 labels are read from the header of the patient-experience framework file in
``../shared/data/qdc-v6`` (never copied into the project). Each category carries a few
words that suggest it, so a simple rule can suggest categories until the text model
(issue 5) does; a person always confirms.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from coproduce.care.models import Team
from coproduce.voices.models import EnquiryCategory, ServiceFramework, Voice

LOCAL = [
    (
        "Continuity of care and relationships",
        "Seeing the same people; being known.",
        "same person,same people,different person,different people,new face,"
        "continuity,repeat my story,retell,know me,knew me,kept changing",
    ),
    (
        "Being listened to",
        "Feelings and experience taken seriously and validated.",
        "listen,heard,dismiss,ignored,understood,taken seriously,believed",
    ),
    (
        "Access to crisis care",
        "Getting help when it is needed, and how long it takes.",
        "wait,waiting,waited,no answer,got through,engaged,call back,callback,quick,"
        "slow,hours,respond",
    ),
    (
        "Value of community support",
        "Voluntary and communal spaces, peers, groups.",
        "group,peer,community,sanctuary,cafe,volunteer,charity,mosque,church,temple",
    ),
    (
        "Value of clinical and social help",
        "Treatment, medication, housing, money, work.",
        "medication,medicine,tablets,housing,benefits,money,debt,job,work,therapy",
    ),
    (
        "Cultural factors and offers of help",
        "Whether help fits a person's culture and language.",
        "culture,cultural,language,interpreter,religion,faith,racism,translate",
    ),
    (
        "Involving family and carers",
        "Carers informed and involved, with consent.",
        "family,carer,mum,dad,partner,husband,wife,son,daughter,parent",
    ),
]

# v6 labels that are bookkeeping in the source, not experiences anyone would tag.
NOT_CATEGORIES = frozenset({"Not assigned", "Labelling not possible"})
# The first label column of the v6 file; the columns before it describe the comment.
FIRST_LABEL = "Not assigned"
# Spelling mended for display; the source label is kept alongside.
DISPLAY_NAMES = {"Referals & continuity of care": "Referrals & continuity of care"}
V6_KEYWORDS = {
    "Organisation & efficiency": "organised,disorganised,efficient,shambles,process",
    "Staff manner & personal attributes": "kind,caring,rude,polite,friendly,compassion,respect",
    "Number & deployment of staff": "short staffed,understaffed,not enough staff,busy",
    "Staff responsiveness": "responsive,came quickly,no one came,ignored",
    "Staff continuity": "same staff,different staff,same nurse,same worker",
    "Competence & training": "professional,knowledgeable,competent,trained,experienced",
    "Staff listening, understanding & involving patients": "listen,understood,involved me",
    "Information provision & guidance": "information,leaflet,explained,advice,guidance",
    "Being kept informed, clarity & consistency of information": "kept informed,told me,update",
    "Contacting services": "phone,call,answer,get through,line",
    "Appointment arrangements": "appointment,booked,cancelled,rescheduled",
    "Timeliness of care": "wait,waiting,delay,late,quick,prompt,on time",
    "Referals & continuity of care": "referral,referred,handed over,passed on",
    "Discharge": "discharge,discharged",
    "Care plans": "care plan,crisis plan,safety plan,plan",
    "Feeling safe": "safe,unsafe,scared,frightened",
    "Mental Health Act": "section,sectioned,mental health act",
    "Equality, Diversity & Inclusion": "disability,autism,autistic,race,gay,trans,interpreter",
    "Supplying & understanding medication": "medication,tablets,prescription,dose",
    "Impact of treatment/ care": "helped,better,worse,saved my life,difference",
    "Out of hours support (community services)": "night,weekend,out of hours,evening",
    "Interaction with family/ carers": "family,carer,mum,dad,partner,relatives",
    "Negative experience & dissatisfaction": "poor,terrible,awful,disappointed,unhappy",
    "Positive experience & gratitude": "thank,thanks,grateful,excellent,brilliant,fantastic",
}


@dataclass(frozen=True)
class Loaded:
    created: int
    updated: int


def default_framework_path() -> Path:
    return Path(settings.SHARED_DATA_DIR) / "qdc-v6" / "v6framework_230831.csv"


def v6_labels(path: Path) -> list[str]:
    """The label columns of a v6 framework file: every column from "Not assigned" on."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle), [])
    if FIRST_LABEL not in header:
        raise ValueError(
            f"{path.name} is not a v6 framework file: it has no {FIRST_LABEL!r} column"
        )
    return [
        label.strip()
        for label in header[header.index(FIRST_LABEL) :]
        if label.strip() and label.strip() not in NOT_CATEGORIES
    ]


def ensure_local() -> Loaded:
    return _upsert(
        (name, description, keywords, EnquiryCategory.Framework.LOCAL, "")
        for name, description, keywords in LOCAL
    )


def load_v6(path: Path) -> Loaded:
    return _upsert(
        (
            DISPLAY_NAMES.get(label, label),
            "",
            V6_KEYWORDS.get(label, ""),
            EnquiryCategory.Framework.NHS_ENGLAND_V6,
            label,
        )
        for label in v6_labels(path)
    )


def _upsert(rows: Iterable[tuple[str, str, str, str, str]]) -> Loaded:
    created = updated = 0
    for name, description, keywords, framework, source_label in rows:
        category, made = EnquiryCategory.objects.get_or_create(
            name=name,
            defaults={
                "description": description,
                "keywords": keywords,
                "framework": framework,
                "source_label": source_label,
            },
        )
        if made:
            created += 1
        elif not category.keywords and keywords:
            # Keep a lead's own edits; only fill what is empty.
            category.keywords = keywords
            category.save(update_fields=["keywords"])
            updated += 1
    return Loaded(created, updated)


# The v6 framework's labels, gathered under a few headings so a person can find one; a
# label not named here is listed under "Other categories".
V6_GROUPS = {
    "Staff": [
        "Staff manner & personal attributes",
        "Staff listening, understanding & involving patients",
        "Staff responsiveness",
        "Staff continuity",
        "Number & deployment of staff",
        "Competence & training",
    ],
    "Getting care and how long it takes": [
        "Contacting services",
        "Timeliness of care",
        "Appointment arrangements",
        "Appointment method",
        "Out of hours support (community services)",
        "Existence of services",
        "Choice of services",
        "Service location",
        "Transport to/ from services",
        "Parking",
    ],
    "Care and treatment": [
        "Care plans",
        "Impact of treatment/ care",
        "Referrals & continuity of care",
        "Admission",
        "Discharge",
        "Diagnosis & triage",
        "Supplying & understanding medication",
        "Psychological therapy arrangements",
        "Mental Health Act",
        "Pain management",
        "Provision of medical equipment",
        "Interaction with family/ carers",
    ],
    "Safety, dignity and fairness": [
        "Feeling safe",
        "Safeguarding concerns?",
        "Equality, Diversity & Inclusion",
        "Patient appearance & grooming",
    ],
    "Information and communication": [
        "Information directly from staff during care",
        "Being kept informed, clarity & consistency of information",
        "Information provision & guidance",
        "Unspecified communication",
        "Patient records",
    ],
    "Places and facilities": [
        "Environment & Facilities",
        "Cleanliness, tidiness & infection control",
        "Food & drink provision & facilities",
        "Activities & access to fresh air",
        "Sensory experience",
        "Electronic entertainment",
    ],
    "The organisation": [
        "Organisation & efficiency",
        "Learning organisation",
        "Funding & use of financial resources",
    ],
    "Overall": ["Positive experience & gratitude", "Negative experience & dissatisfaction"],
}
LOCAL_GROUP = "Local enquiry categories"
OTHER_GROUP = "Other categories"


def framework_for(team: Team | None) -> str:
    """The enquiry framework of a voice's service (set in the admin); local by default."""
    chosen = ServiceFramework.objects.filter(team=team).first() if team else None
    return chosen.framework if chosen else EnquiryCategory.Framework.LOCAL


@dataclass(frozen=True)
class CategoryChoices:
    """The categories one voice is offered: its service's framework only, the voice's
    suggestions first, then the rest in groups; categories it already has from another
    framework are listed apart, so confirming never drops them unseen."""

    framework: str
    suggested: list[EnquiryCategory]
    groups: list[tuple[str, list[EnquiryCategory]]]
    elsewhere: list[EnquiryCategory]

    @property
    def framework_label(self) -> str:
        return str(EnquiryCategory.Framework(self.framework).label)

    @property
    def offered(self) -> list[EnquiryCategory]:
        return self.suggested + [c for _, group in self.groups for c in group] + self.elsewhere


def _grouped(
    framework: str, categories: list[EnquiryCategory]
) -> list[tuple[str, list[EnquiryCategory]]]:
    """A framework's categories under their headings: v6 by its themes, local as one."""
    if framework == EnquiryCategory.Framework.NHS_ENGLAND_V6:
        group_of = {name: heading for heading, names in V6_GROUPS.items() for name in names}
        grouped: dict[str, list[EnquiryCategory]] = {heading: [] for heading in V6_GROUPS}
        for category in categories:
            grouped.setdefault(group_of.get(category.name, OTHER_GROUP), []).append(category)
        return [(heading, found) for heading, found in grouped.items() if found]
    return [(LOCAL_GROUP, categories)] if categories else []


def category_choices(voice: Voice) -> CategoryChoices:
    framework = framework_for(voice.team)
    in_framework = list(EnquiryCategory.objects.filter(framework=framework, active=True))
    suggested_ids = {c.pk for c in voice.suggested_categories.all()}
    suggested = [c for c in in_framework if c.pk in suggested_ids]
    rest = [c for c in in_framework if c.pk not in suggested_ids]
    elsewhere = [c for c in voice.categories.all() if c.framework != framework]
    return CategoryChoices(framework, suggested, _grouped(framework, rest), elsewhere)


def frameworks_in_use() -> list[str]:
    """The frameworks in use: the local one (a service with none set, and a voice about
    no service, use it) and each one set for a service in the admin."""
    chosen = set(ServiceFramework.objects.values_list("framework", flat=True))
    chosen.add(EnquiryCategory.Framework.LOCAL)
    return [f for f in EnquiryCategory.Framework.values if f in chosen]


def choices_by_framework() -> list[CategoryChoices]:
    """Every active category of the frameworks in use, grouped, one framework after the
    other: what recording feedback offers before anything has been suggested."""
    frameworks = frameworks_in_use()
    active = list(EnquiryCategory.objects.filter(framework__in=frameworks, active=True))
    return [
        CategoryChoices(f, [], _grouped(f, [c for c in active if c.framework == f]), [])
        for f in frameworks
    ]


def framed(framework_label: str, heading: str) -> str:
    """A group's heading with its framework's name, said once: the local framework's one
    group is the framework itself."""
    return framework_label if heading == LOCAL_GROUP else f"{framework_label}: {heading}"


def grouped_options() -> list[tuple[str, list[tuple[int, str]]]]:
    """The categories of the frameworks in use as groups of (id, name), for a list to
    choose one from (the inbox's filter and its "add a category"); each heading names
    its framework when more than one is in use."""
    by_framework = choices_by_framework()
    several = len(by_framework) > 1
    return [
        (
            framed(choices.framework_label, heading) if several else heading,
            [(category.pk, category.name) for category in group],
        )
        for choices in by_framework
        for heading, group in choices.groups
    ]
