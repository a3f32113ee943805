"""Our records as FHIR R4 resources (UK Core profiles), and FHIR input as ours.

The models come from ``fhir.resources.R4B``, wire-compatible with R4 4.0.1 for these
resources. Pydantic validation checks structure and cardinality; the constraints we
rely on (NHS number, codes we accept) are checked here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from fhir.resources.R4B.appointment import Appointment as FhirAppointment
from fhir.resources.R4B.careplan import CarePlan
from fhir.resources.R4B.encounter import Encounter
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.servicerequest import ServiceRequest

from coproduce.care.models import (
    Appointment,
    Contact,
    Person,
    Referral,
    SafetyPlan,
    normalise_nhs_number,
)
from coproduce.care.referrals import PersonDetails
from coproduce.care.services import CONTACT_LABELS, ContactDetails, clean_contact_details
from coproduce.firstresponse.models import LinePartner, PassedCall
from coproduce.lib.validators import is_uk_mobile, is_uk_postcode

NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number"
UK_CORE = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-"
LOCAL = "https://fhir.coproduce.example/"
SOURCE_SYSTEM = LOCAL + "CodeSystem/referral-source"
URGENCY_SYSTEM = LOCAL + "CodeSystem/mhsds-clinical-response-priority-type"
PHYSICAL_HEALTH_NEED = LOCAL + "StructureDefinition/physical-health-need"
SOURCE_OF_SERVICE_REQUEST = (
    "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-SourceOfServiceRequest"
)
SNOMED = "http://snomed.info/sct"
# SNOMED CT codes verified in the UK Core SourceOfServiceRequest value set; other sources
# are sent with our local code only until a terminologist confirms their concepts.
SNOMED_SOURCES = {
    Referral.Source.SELF: ("183690008", "Psychiatric self-referral"),
    Referral.Source.GP: ("108161000000109", "Referred by general practitioner"),
    Referral.Source.CARER: ("1065391000000104", "Referred by carer"),
}
# FHIR request priority ↔ MHSDS Clinical Response Priority Type.
PRIORITY = {
    Referral.Urgency.ROUTINE: "routine",
    Referral.Urgency.URGENT: "urgent",
    Referral.Urgency.VERY_URGENT: "asap",
    Referral.Urgency.EMERGENCY: "stat",
}
URGENCY_FROM_PRIORITY = {v: k for k, v in PRIORITY.items()}
SERVICE_REQUEST_STATUS = {
    Referral.Status.RECEIVED: "active",
    Referral.Status.ACCEPTED: "active",
    Referral.Status.DECLINED: "revoked",
    Referral.Status.COMPLETED: "completed",
}


def _instant(value: dt.datetime | None) -> str | None:
    return None if value is None else timezone.localtime(value, dt.UTC).isoformat()


PREFERRED_CHANNEL = LOCAL + "StructureDefinition/preferred-contact-channel"
# A UK postcode, for the last line of an address (BS 7666 shapes, space optional).


def _telecom(person: Person) -> list[dict[str, Any]]:
    """The person's phone (mobile or landline) and email as ContactPoints; the preferred
    one ranked 1."""
    points: list[dict[str, Any]] = []
    if person.phone:
        use = "mobile" if is_uk_mobile(person.phone) else "home"  # a landline (helper-80)
        point: dict[str, Any] = {"system": "phone", "value": person.phone, "use": use}
        if person.preferred_channel in (Person.Channel.SMS, Person.Channel.PHONE):
            point["rank"] = 1
        points.append(point)
    if person.email:
        point = {"system": "email", "value": person.email, "use": "home"}
        if person.preferred_channel == Person.Channel.EMAIL:
            point["rank"] = 1
        points.append(point)
    return points


def _address(person: Person) -> list[dict[str, Any]]:
    """The postal address as lines and a postcode (the last line, when it is one), with
    the whole as text."""
    lines = person.address.splitlines()
    if not lines:
        return []
    address: dict[str, Any] = {"use": "home", "type": "postal", "text": ", ".join(lines)}
    if len(lines) > 1 and is_uk_postcode(lines[-1]):
        address["postalCode"] = lines[-1].strip()
        lines = lines[:-1]
    address["line"] = lines
    return [address]


def patient(person: Person) -> Patient:
    return Patient.model_validate(
        {
            "resourceType": "Patient",
            "id": str(person.pk),
            "meta": {"profile": [UK_CORE + "Patient"]},
            "identifier": [{"system": NHS_NUMBER, "value": person.nhs_number}],
            "name": [
                {"use": "official", "family": person.family_name, "given": [person.given_name]}
            ],
            "birthDate": person.date_of_birth.isoformat(),
            **({"telecom": telecom} if (telecom := _telecom(person)) else {}),
            **({"address": address} if (address := _address(person)) else {}),
            **(
                {"extension": [{"url": PREFERRED_CHANNEL, "valueCode": person.preferred_channel}]}
                if person.preferred_channel
                else {}
            ),
        }
    )


def _preferred(points: list[Any], *systems: str) -> int | None:
    """Where the preferred ContactPoint of the systems is in ``points``: the first system
    given first, then a mobile, then by rank."""
    chosen = [i for i, p in enumerate(points) if p.system in systems and p.value]
    chosen.sort(
        key=lambda i: (
            systems.index(points[i].system),
            points[i].use != "mobile",
            points[i].rank or 1_000_000,
        )
    )
    return chosen[0] if chosen else None


def patient_input(resource: Patient) -> PersonDetails:
    """Who a Patient says the person is and how to reach them (as ``patient`` writes it):
    NHS number, name and birth date required; telecom (phone, a UK mobile or landline; email),
    address (lines and postalCode, or text) and the preferred channel extension optional,
    checked by the one rule for contact details (``clean_contact_details``). Every
    problem is named at once, each by its element, as the REST API names every field."""
    problems: list[tuple[str, str]] = []
    numbers = [i.value for i in resource.identifier or [] if i.system == NHS_NUMBER and i.value]
    number = ""
    if not numbers:
        problems.append(("Patient.identifier", "identifier must include the NHS number"))
    else:
        try:
            number = normalise_nhs_number(numbers[0])
        except ValidationError as error:
            problems.append(("Patient.identifier", " ".join(error.messages)))
    name = resource.name[0] if resource.name else None
    given_name = str(name.given[0]) if name and name.given and name.given[0] else ""
    family_name = str(name.family) if name and name.family else ""
    if not (given_name and family_name):
        problems.append(("Patient.name", "name (family and given) is required"))
    birth_date = resource.birthDate
    if birth_date is None:
        problems.append(("Patient.birthDate", "birthDate is required"))
    points = list(resource.telecom or [])
    phone = _preferred(points, "phone", "sms")
    email = _preferred(points, "email")
    address_lines: list[str] = []
    if resource.address:
        given = resource.address[0]
        address_lines = [str(line) for line in given.line or []]
        if given.postalCode:
            address_lines.append(str(given.postalCode))
        if not address_lines and given.text:
            text = str(given.text)
            address_lines = text.splitlines() if "\n" in text else text.split(",")
    channel = next(
        (
            str(e.valueCode)
            for e in resource.extension or []
            if e.url == PREFERRED_CHANNEL and e.valueCode
        ),
        "",
    )
    contact = ContactDetails()
    try:
        contact = clean_contact_details(
            phone="" if phone is None else str(points[phone].value),
            email="" if email is None else str(points[email].value),
            address="\n".join(address_lines),
            preferred_channel=channel,
        )
    except ValidationError as error:
        elements = {
            "phone": f"Patient.telecom[{phone}]",
            "email": f"Patient.telecom[{email}]",
            "address": "Patient.address[0]",
        }
        problems += [
            (elements.get(field, "Patient.extension"), f"{CONTACT_LABELS[field]}: {' '.join(m)}")
            for field, m in error.message_dict.items()
        ]
    if problems or birth_date is None:
        raise Unprocessable(*problems[0], *problems[1:])
    return PersonDetails(number, given_name, family_name, birth_date, contact)


def service_request(referral: Referral, *, show_patient: bool = True) -> ServiceRequest:
    """The referral as a ServiceRequest. Without ``show_patient`` (a person known to
    another team, whom the reader may not see) the subject is the NHS number the
    referral came with, without the Patient it belongs to."""
    source_codings = [
        {"system": SOURCE_SYSTEM, "code": referral.source, "display": referral.get_source_display()}
    ]
    if referral.source in SNOMED_SOURCES:
        code, display = SNOMED_SOURCES[Referral.Source(referral.source)]
        source_codings.insert(0, {"system": SNOMED, "code": code, "display": display})
    return ServiceRequest.model_validate(
        {
            "resourceType": "ServiceRequest",
            "id": str(referral.pk),
            "meta": {"profile": [UK_CORE + "ServiceRequest"]},
            "extension": [
                {
                    "url": SOURCE_OF_SERVICE_REQUEST,
                    "valueCodeableConcept": {"coding": source_codings},
                },
                {"url": PHYSICAL_HEALTH_NEED, "valueBoolean": referral.physical_health_need},
            ],
            "status": SERVICE_REQUEST_STATUS[Referral.Status(referral.status)],
            "intent": "order",
            "priority": PRIORITY[Referral.Urgency(referral.urgency)],
            "category": [
                {
                    "coding": [
                        {
                            "system": URGENCY_SYSTEM,
                            "code": referral.urgency,
                            "display": referral.get_urgency_display(),
                        }
                    ]
                }
            ],
            "subject": {
                **({"reference": f"Patient/{referral.person_id}"} if show_patient else {}),
                "identifier": {"system": NHS_NUMBER, "value": referral.person.nhs_number},
            },
            "performer": [
                {
                    "reference": f"HealthcareService/{referral.team_id}",
                    "display": referral.team.name,
                }
            ],
            "authoredOn": _instant(referral.received_at),
            "reasonCode": [{"text": referral.reason}],
            **({"requester": {"display": referral.referrer}} if referral.referrer else {}),
        }
    )


# A call passed to the First Response line (ADR 0015): a ServiceRequest whose performer
# is the line. Its id is prefixed, so it is never taken for a referral's.
PASSED_CALL_ID = "line-"
# Where each of ``firstresponse.services.pass_call``'s fields comes from.
PASSED_CALL_ELEMENTS = {
    "passed_by": "ServiceRequest.extension[SourceOfServiceRequest]",
    "partner_reference": "ServiceRequest.identifier",
    "line": "ServiceRequest.performer",
    "urgency": "ServiceRequest.priority",
    "reason": "ServiceRequest.reasonCode",
    "phone": "ServiceRequest.contained[Patient].telecom",
    "nhs_number": "ServiceRequest.subject.identifier",
    "called": "ServiceRequest.contained[Patient].name",
    "area": "ServiceRequest.contained[Patient].address",
}


def performer_team_id(resource: ServiceRequest) -> str:
    """The team id a ServiceRequest's performer names (``HealthcareService/{id}``), or ''."""
    ref = resource.performer[0].reference if resource.performer else None
    if ref and ref.startswith("HealthcareService/"):
        return str(ref.split("/", 1)[1])
    return ""


def passed_call_input(resource: ServiceRequest) -> dict[str, str]:
    """What ``pass_call`` needs, read from a partner's ServiceRequest: who passes it (the
    UK Core SourceOfServiceRequest extension, our code nhs_111 or police), their
    reference (identifier), the line (performer), urgency (priority), the reason
    (reasonCode text), and about whom: subject.identifier for an NHS number if known,
    and a contained Patient (``subject.reference`` "#id") with a first name or what they
    want to be called, the call-back phone (telecom) and an area (address district, city
    or text). Nothing is required of the person but a number to call back on."""
    passed_by = ""
    for extension in resource.extension or []:
        if extension.url == SOURCE_OF_SERVICE_REQUEST and extension.valueCodeableConcept:
            for coding in extension.valueCodeableConcept.coding or []:
                if coding.system == SOURCE_SYSTEM and coding.code in LinePartner.Organisation:
                    passed_by = str(coding.code)
    problems: list[tuple[str, str]] = []
    if not passed_by:
        problems.append(
            (
                PASSED_CALL_ELEMENTS["passed_by"],
                f"extension {SOURCE_OF_SERVICE_REQUEST} must carry a coding from "
                f"{SOURCE_SYSTEM}: nhs_111 or police",
            )
        )
    subject = resource.subject
    identifier = subject.identifier if subject else None
    nhs_number = ""
    if identifier is not None and identifier.value:
        if (identifier.system or NHS_NUMBER) != NHS_NUMBER:
            problems.append(
                (
                    PASSED_CALL_ELEMENTS["nhs_number"],
                    f"subject.identifier must be an NHS number (system {NHS_NUMBER})",
                )
            )
        else:
            nhs_number = str(identifier.value)
    patient = None
    reference = subject.reference if subject and subject.reference else ""
    if reference.startswith("#"):
        patient = next(
            (
                c
                for c in resource.contained or []
                if isinstance(c, Patient) and c.id == reference[1:]
            ),
            None,
        )
        if patient is None:
            problems.append(
                ("ServiceRequest.subject.reference", "subject.reference names no contained Patient")
            )
    called = str(subject.display or "") if subject else ""
    phone = area = ""
    if patient is not None:
        if not nhs_number:
            nhs_number = next(
                (str(i.value) for i in patient.identifier or [] if i.system == NHS_NUMBER),
                "",
            )
        name = patient.name[0] if patient.name else None
        if name is not None:
            called = str((name.given[0] if name.given else "") or name.text or called)
        points = list(patient.telecom or [])
        chosen = _preferred(points, "phone", "sms")
        phone = "" if chosen is None else str(points[chosen].value)
        if patient.address:
            given = patient.address[0]
            area = str(given.district or given.city or given.text or "")
    if problems:
        raise Unprocessable(*problems[0], *problems[1:])
    reasons = [str(r.text) for r in resource.reasonCode or [] if r.text]
    identifiers = [str(i.value) for i in resource.identifier or [] if i.value]
    return {
        "passed_by": passed_by,
        "partner_reference": identifiers[0] if identifiers else "",
        "urgency": URGENCY_FROM_PRIORITY.get(str(resource.priority or ""), ""),
        "reason": "\n".join(reasons),
        "phone": phone,
        "nhs_number": nhs_number,
        "called": called,
        "area": area,
    }


PASSED_CALL_STATUS_DISPLAY = {True: "active", False: "completed"}


def passed_call_request(passed: PassedCall, *, show_patient: bool = False) -> ServiceRequest:
    """A passed call as the ServiceRequest the partner sent: ``active`` while it waits,
    ``completed`` once a handler has taken it. What the partner said of the person is
    returned to them; the Patient only to a reader who may see them."""
    contained: dict[str, Any] = {"resourceType": "Patient", "id": "caller"}
    if passed.called:
        contained["name"] = [{"given": [passed.called]}]
    contained["telecom"] = [{"system": "phone", "value": passed.phone}]
    if passed.area:
        contained["address"] = [{"district": passed.area}]
    subject: dict[str, Any] = {"reference": "#caller"}
    if passed.nhs_number:
        subject["identifier"] = {"system": NHS_NUMBER, "value": passed.nhs_number}
    if show_patient and passed.person_id:
        subject["reference"] = f"Patient/{passed.person_id}"
    return ServiceRequest.model_validate(
        {
            "resourceType": "ServiceRequest",
            "id": f"{PASSED_CALL_ID}{passed.pk}",
            "meta": {"profile": [UK_CORE + "ServiceRequest"]},
            "contained": [contained],
            "identifier": [{"value": passed.partner_reference}],
            "extension": [
                {
                    "url": SOURCE_OF_SERVICE_REQUEST,
                    "valueCodeableConcept": {
                        "coding": [
                            {
                                "system": SOURCE_SYSTEM,
                                "code": passed.passed_by,
                                "display": passed.get_passed_by_display(),
                            }
                        ]
                    },
                }
            ],
            "status": PASSED_CALL_STATUS_DISPLAY[passed.is_waiting],
            "intent": "order",
            "priority": PRIORITY[Referral.Urgency(passed.urgency)],
            "category": [
                {
                    "coding": [
                        {
                            "system": URGENCY_SYSTEM,
                            "code": passed.urgency,
                            "display": passed.get_urgency_display(),
                        }
                    ]
                }
            ],
            "subject": subject,
            "performer": [
                {"reference": f"HealthcareService/{passed.team_id}", "display": passed.team.name}
            ],
            "authoredOn": _instant(passed.passed_at),
            "reasonCode": [{"text": passed.reason}],
            "requester": {"display": passed.partner.name},
        }
    )


MODE_SYSTEM = LOCAL + "CodeSystem/contact-mode"
APPOINTMENT_KIND_SYSTEM = LOCAL + "CodeSystem/appointment-kind"
LISTEN = LOCAL + "StructureDefinition/listen-contact"
# The LISTEN parts carried in the listen-contact extension, by sub-extension url.
LISTEN_TEXT_PARTS = Contact.LISTEN_TEXT_FIELDS


def _listen_extension(contact: Contact) -> dict[str, Any]:
    parts: list[dict[str, Any]] = [
        {"url": name, "valueString": getattr(contact, name)}
        for name in LISTEN_TEXT_PARTS
        if getattr(contact, name)
    ]
    parts.append({"url": "carer_informed", "valueCode": contact.carer_informed})
    parts.append({"url": "crisis_plan_reviewed", "valueBoolean": contact.crisis_plan_reviewed})
    return {"url": LISTEN, "extension": parts}


def encounter(contact: Contact) -> Encounter:
    mode_class = {
        Contact.Mode.FACE_TO_FACE: ("AMB", "ambulatory"),
        Contact.Mode.PHONE: ("VR", "virtual"),
        Contact.Mode.VIDEO: ("VR", "virtual"),
        Contact.Mode.TEXT: ("VR", "virtual"),
    }[Contact.Mode(contact.mode)]
    end = (
        contact.occurred_at + dt.timedelta(minutes=contact.duration_minutes)
        if contact.duration_minutes
        else None
    )
    return Encounter.model_validate(
        {
            "resourceType": "Encounter",
            "id": str(contact.pk),
            "meta": {"profile": [UK_CORE + "Encounter"]},
            "status": "finished",
            "class": {
                "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
                "code": mode_class[0],
                "display": mode_class[1],
            },
            "extension": [_listen_extension(contact)],
            "type": [
                {
                    "coding": [
                        {
                            "system": MODE_SYSTEM,
                            "code": contact.mode,
                            "display": contact.get_mode_display(),
                        }
                    ],
                    "text": f"LISTEN crisis contact ({contact.get_mode_display().lower()})",
                }
            ],
            "subject": {"reference": f"Patient/{contact.episode.person_id}"},
            "participant": [{"individual": {"display": contact.staff.display_name}}],
            "period": {
                "start": _instant(contact.occurred_at),
                **({"end": _instant(end)} if end else {}),
            },
            **(
                {
                    "length": {
                        "value": contact.duration_minutes,
                        "unit": "min",
                        "system": "http://unitsofmeasure.org",
                        "code": "min",
                    }
                }
                if contact.duration_minutes
                else {}
            ),
            "basedOn": (
                [{"reference": f"ServiceRequest/{contact.episode.referral_id}"}]
                if contact.episode.referral_id
                else None
            ),
        }
    )


APPOINTMENT_STATUS = {
    Appointment.Status.BOOKED: "booked",
    Appointment.Status.ATTENDED: "fulfilled",
    Appointment.Status.DID_NOT_ATTEND: "noshow",
    Appointment.Status.CANCELLED: "cancelled",
}


def appointment(item: Appointment) -> FhirAppointment:
    description = item.get_kind_display() + (f" (day {item.review_day})" if item.review_day else "")
    return FhirAppointment.model_validate(
        {
            "resourceType": "Appointment",
            "id": str(item.pk),
            "meta": {"profile": [UK_CORE + "Appointment"]},
            "status": APPOINTMENT_STATUS[Appointment.Status(item.status)],
            "description": description,
            "appointmentType": {
                "coding": [
                    {
                        "system": APPOINTMENT_KIND_SYSTEM,
                        "code": item.kind,
                        "display": item.get_kind_display(),
                    }
                ]
            },
            **(
                {"comment": item.outside_named_team_because}
                if item.outside_named_team_because
                else {}
            ),
            "basedOn": (
                [{"reference": f"ServiceRequest/{item.episode.referral_id}"}]
                if item.episode.referral_id
                else None
            ),
            "start": _instant(item.starts_at),
            "end": _instant(item.starts_at + dt.timedelta(hours=1)),
            "participant": [
                {"actor": {"reference": f"Patient/{item.episode.person_id}"}, "status": "accepted"},
                {
                    "actor": {
                        "reference": f"Practitioner/{item.staff_id}",
                        "display": item.staff.display_name,
                    },
                    "status": "accepted",
                },
            ],
        }
    )


def care_plan(plan: SafetyPlan) -> CarePlan:
    return CarePlan.model_validate(
        {
            "resourceType": "CarePlan",
            "id": str(plan.pk),
            "meta": {"profile": [UK_CORE + "CarePlan"], "versionId": str(plan.version)},
            "status": "active",
            "intent": "plan",
            "title": "Safety plan",
            "subject": {"reference": f"Patient/{plan.person_id}"},
            "created": _instant(plan.created_at),
            "description": "\n\n".join(
                f"{label}: {text}" for label, text in plan.sections() if text
            ),
            "note": [{"text": f"{label}: {text}"} for label, text in plan.sections() if text]
            or None,
        }
    )


class Unprocessable(Exception):
    """FHIR input that parses but cannot be used; ``expression`` names the element. More
    problems found at once, each an (expression, message), become issues of their own."""

    def __init__(self, expression: str, message: str, *more: tuple[str, str]) -> None:
        super().__init__(message)
        self.expression = expression
        self.issues = [(expression, message), *more]


def _nhs_number(value: str, element: str) -> str:
    """The NHS number folded and checked as everywhere else (``normalise_nhs_number``)."""
    try:
        return normalise_nhs_number(value)
    except ValidationError as error:
        raise Unprocessable(element, " ".join(error.messages)) from None


def referral_input(resource: ServiceRequest) -> dict[str, Any]:
    """What ``receive_referral`` needs, read from a ServiceRequest."""
    if resource.priority not in URGENCY_FROM_PRIORITY:
        raise Unprocessable(
            "ServiceRequest.priority", "priority must be routine, urgent, asap or stat"
        )
    identifier = resource.subject.identifier if resource.subject else None
    nhs_number = identifier.value if identifier else None
    if identifier is None or not nhs_number or (identifier.system or NHS_NUMBER) != NHS_NUMBER:
        raise Unprocessable(
            "ServiceRequest.subject.identifier",
            "subject must carry the person's NHS number (system https://fhir.nhs.uk/Id/nhs-number)",
        )
    nhs_number = _nhs_number(nhs_number, "ServiceRequest.subject.identifier")
    team_ref = resource.performer[0].reference if resource.performer else None
    if not team_ref or not team_ref.startswith("HealthcareService/"):
        raise Unprocessable(
            "ServiceRequest.performer", "performer must reference HealthcareService/{team id}"
        )
    source = Referral.Source.OTHER_TEAM
    physical = False
    for extension in resource.extension or []:
        if extension.url == SOURCE_OF_SERVICE_REQUEST and extension.valueCodeableConcept:
            for coding in extension.valueCodeableConcept.coding or []:
                if coding.system == SOURCE_SYSTEM and coding.code in Referral.Source.values:
                    source = Referral.Source(coding.code)
                elif coding.system == SNOMED:
                    for ours, (code, _) in SNOMED_SOURCES.items():
                        if coding.code == code:
                            source = ours
        if extension.url == PHYSICAL_HEALTH_NEED and extension.valueBoolean is not None:
            physical = bool(extension.valueBoolean)
    reasons = [r.text for r in resource.reasonCode or [] if r.text]
    if not reasons:
        raise Unprocessable("ServiceRequest.reasonCode", "reasonCode must give the reason as text")
    return {
        "nhs_number": nhs_number,
        "referred_name": str(resource.subject.display or "") if resource.subject else "",
        "team_id": team_ref.split("/", 1)[1],
        "source": source,
        "urgency": URGENCY_FROM_PRIORITY[resource.priority],
        "reason": "\n".join(reasons),
        "physical_health_need": physical,
        "received_at": resource.authoredOn,
        "referrer": resource.requester.display
        if resource.requester and resource.requester.display
        else "",
    }


def _referral_id(based_on: Any, element: str) -> int:
    refs = [r.reference for r in based_on or [] if r.reference]
    ids = [ref.split("/", 1)[1] for ref in refs if ref.startswith("ServiceRequest/")]
    if not ids or not ids[0].isdigit():
        raise Unprocessable(
            element, "basedOn must reference the ServiceRequest (referral) of the episode"
        )
    return int(ids[0])


def _coded(concepts: Any, system: str, allowed: list[str], element: str) -> str:
    for concept in concepts or []:
        for coding in concept.coding or []:
            if coding.system == system and coding.code in allowed:
                return str(coding.code)
    raise Unprocessable(element, f"a coding from {system} is required: one of {', '.join(allowed)}")


def contact_input(resource: Encounter) -> dict[str, Any]:
    """What ``record_contact`` needs, read from an Encounter (as ``encounter`` writes it)."""
    mode = _coded(resource.type, MODE_SYSTEM, list(Contact.Mode.values), "Encounter.type")
    if resource.period is None or resource.period.start is None:
        raise Unprocessable(
            "Encounter.period.start", "period.start (when the contact happened) is required"
        )
    listen = next((e for e in resource.extension or [] if e.url == LISTEN), None)
    if listen is None:
        raise Unprocessable(
            "Encounter.extension", f"the LISTEN parts are required in extension {LISTEN}"
        )
    parts: dict[str, Any] = {}
    for part in listen.extension or []:
        if part.url in LISTEN_TEXT_PARTS:
            parts[part.url] = part.valueString or ""
        elif part.url == "carer_informed":
            parts["carer_informed"] = part.valueCode
        elif part.url == "crisis_plan_reviewed":
            parts["crisis_plan_reviewed"] = bool(part.valueBoolean)
    for required in ("persons_words", "shared_understanding", "feelings_validated", "next_steps"):
        if not str(parts.get(required, "")).strip():
            raise Unprocessable(
                f"Encounter.extension[listen-contact].{required}",
                f"{required} is required: never end a contact without a plan",
            )
    duration = None
    if resource.length is not None and resource.length.value is not None:
        duration = int(resource.length.value)
    return {
        "referral_id": _referral_id(resource.basedOn, "Encounter.basedOn"),
        "mode": mode,
        "occurred_at": resource.period.start,
        "duration_minutes": duration,
        **parts,
    }


def appointment_input(resource: FhirAppointment) -> dict[str, Any]:
    kinds = [Appointment.Kind.PLANNED_INTERVENTION, Appointment.Kind.REVIEW, Appointment.Kind.OTHER]
    kind = _coded(
        [resource.appointmentType] if resource.appointmentType else [],
        APPOINTMENT_KIND_SYSTEM,
        [str(k) for k in kinds],
        "Appointment.appointmentType",
    )
    if resource.start is None:
        raise Unprocessable("Appointment.start", "start is required")
    staff = [
        p.actor.reference.split("/", 1)[1]
        for p in resource.participant or []
        if p.actor and p.actor.reference and p.actor.reference.startswith("Practitioner/")
    ]
    if not staff or not staff[0].isdigit():
        raise Unprocessable(
            "Appointment.participant", "a participant must reference Practitioner/{staff id}"
        )
    return {
        "referral_id": _referral_id(resource.basedOn, "Appointment.basedOn"),
        "kind": kind,
        "starts_at": resource.start,
        "staff_id": int(staff[0]),
        "outside_named_team_because": resource.comment or "",
    }


def safety_plan_input(resource: CarePlan) -> dict[str, Any]:
    """Sections of a safety plan from a CarePlan's notes ("Section: text"), as written."""
    subject = resource.subject.reference if resource.subject and resource.subject.reference else ""
    if not subject.startswith("Patient/") or not subject.split("/", 1)[1].isdigit():
        raise Unprocessable("CarePlan.subject", "subject must reference Patient/{id}")
    labels = {label: name for name, label in SafetyPlan.SECTIONS}
    sections: dict[str, str] = {}
    for note in resource.note or []:
        label, _, text = (note.text or "").partition(": ")
        if label not in labels:
            raise Unprocessable(
                "CarePlan.note",
                f"each note must start with a section name and ': ' ({'; '.join(labels)})",
            )
        sections[labels[label]] = text
    if not any(v.strip() for v in sections.values()):
        raise Unprocessable("CarePlan.note", "write at least one section of the safety plan")
    return {"person_id": int(subject.split("/", 1)[1]), "sections": sections}
