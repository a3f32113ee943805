"""The FHIR R4 face: /fhir/r4/metadata, read for Patient, ServiceRequest, Encounter,
Appointment and CarePlan (safety plan), and create for Patient and ServiceRequest.

Reads go through the same audited, caseload-scoped services as the pages. Anything
refused is answered with an OperationOutcome whose ``expression`` names the element.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

import pydantic
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from fhir.resources.R4B.appointment import Appointment as FhirAppointment
from fhir.resources.R4B.capabilitystatement import CapabilityStatement
from fhir.resources.R4B.careplan import CarePlan
from fhir.resources.R4B.encounter import Encounter
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.resource import Resource
from fhir.resources.R4B.servicerequest import ServiceRequest
from rest_framework import exceptions, status
from rest_framework.parsers import BaseParser
from rest_framework.permissions import BasePermission
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from coproduce.accounts.models import User
from coproduce.accounts.policy import Capability
from coproduce.api.fhir import mapping
from coproduce.api.parsers import read_json
from coproduce.api.permissions import capability, refuse_line_partner
from coproduce.care import episodes, plans, referrals, services
from coproduce.care.models import SafetyPlan, Team
from coproduce.firstresponse import services as first_response

FHIR_JSON = "application/fhir+json"
RESOURCES = ["Patient", "ServiceRequest", "Encounter", "Appointment", "CarePlan"]
CREATABLE = set(RESOURCES)


class FhirRenderer(BaseRenderer):
    media_type = FHIR_JSON
    format = "fhir"
    charset = "utf-8"

    def render(
        self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None
    ) -> bytes:
        if isinstance(data, Resource):
            return data.model_dump_json(exclude_none=True).encode()
        return json.dumps(data).encode()


class FhirParser(BaseParser):
    media_type = "application/fhir+json"

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        return stream.read()


class JsonAsFhirParser(FhirParser):
    media_type = "application/json"


class KnownElsewhere(Exception):
    """A Patient whose NHS number belongs to someone the user may not see."""


KNOWN_ELSEWHERE = (
    "A person with this NHS number is known to another team. Nothing of their record is "
    "returned (not whether the name or birth date matched) and nothing was created; the "
    "attempt is recorded in the audit trail. To refer them, POST a ServiceRequest whose "
    "subject.identifier is this NHS number: the receiving team sees the person once it "
    "accepts the referral. If you need their record now, find them by NHS number on the "
    "web and give a break-glass reason (/people/find)."
)


# OperationOutcome issue types for the refusals DRF makes itself.
FHIR_CODES = {405: "not-supported", 406: "not-supported", 415: "not-supported"}


def outcome(code: str, message: str, expression: str | None = None) -> dict[str, Any]:
    return outcome_of(code, [(expression, message)])


def outcome_of(code: str, issues: Sequence[tuple[str | None, str]]) -> dict[str, Any]:
    """An OperationOutcome with an issue for each (expression, message): every element
    that is wrong is named at once, as the REST API names every field."""
    listed: list[dict[str, Any]] = []
    for expression, message in issues:
        issue: dict[str, Any] = {"severity": "error", "code": code, "diagnostics": message}
        if expression:
            issue["expression"] = [expression]
        listed.append(issue)
    return {"resourceType": "OperationOutcome", "issue": listed}


class FhirView(APIView):
    renderer_classes = [FhirRenderer]
    parser_classes = [FhirParser, JsonAsFhirParser]
    permission_classes: list[type[BasePermission]] = [capability(Capability.VIEW_CASELOAD)]

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
            return Response(outcome("login", str(exc.detail)), status=401)
        if isinstance(exc, exceptions.PermissionDenied):
            return Response(outcome("forbidden", str(exc.detail)), status=403)
        if isinstance(exc, Http404):
            return Response(outcome("not-found", "No such resource on your caseloads."), status=404)
        if isinstance(exc, exceptions.Throttled):
            return Response(outcome("throttled", str(exc.detail)), status=429)
        if isinstance(exc, exceptions.APIException):
            # Anything else DRF refuses (a media type or method not taken): still FHIR.
            return Response(
                outcome(FHIR_CODES.get(exc.status_code, "invalid"), str(exc.detail)),
                status=exc.status_code,
            )
        return super().handle_exception(exc)

    @property
    def user(self) -> User:
        assert isinstance(self.request.user, User)  # noqa: S101 - permission classes ran
        return self.request.user


@extend_schema(exclude=True)
class Metadata(FhirView):
    permission_classes: list[type[BasePermission]] = []
    authentication_classes: list[Any] = []

    def get(self, request: Request) -> Response:
        statement = CapabilityStatement.model_validate(
            {
                "resourceType": "CapabilityStatement",
                "status": "active",
                "date": timezone.now().date().isoformat(),
                "kind": "instance",
                "fhirVersion": "4.0.1",
                "format": [FHIR_JSON],
                "software": {"name": "Coproduce"},
                "rest": [
                    {
                        "mode": "server",
                        "security": {
                            "description": "Token authentication: Authorization: Token <key>"
                        },
                        "resource": [
                            {
                                "type": name,
                                "supportedProfile": [mapping.UK_CORE + name],
                                "interaction": [{"code": "read"}]
                                + ([{"code": "create"}] if name in CREATABLE else []),
                            }
                            for name in RESOURCES
                        ],
                    }
                ],
            }
        )
        return Response(statement)


def _read(resource_type: str, user: User, pk: int) -> Resource:
    if resource_type == "Patient":
        return mapping.patient(services.open_person_record(user, pk))
    if resource_type == "ServiceRequest":
        referral = referrals.referral_for(user, pk)
        return mapping.service_request(
            referral, show_patient=services.may_see_person(user, referral.person)
        )
    if resource_type == "Encounter":
        return mapping.encounter(services.contact_for(user, pk))
    if resource_type == "Appointment":
        return mapping.appointment(episodes.appointment_for(user, pk))
    if resource_type == "CarePlan":
        plan = plans.plan_for(user, SafetyPlan, pk)
        return mapping.care_plan(plan)
    raise Http404


@extend_schema(exclude=True)
class Read(FhirView):
    def get(self, request: Request, resource_type: str, pk: str) -> Response:
        if pk.startswith(mapping.PASSED_CALL_ID):
            # A call passed to the line: read back by its partner, or a handler on the line.
            if resource_type != "ServiceRequest":
                raise Http404
            passed = first_response.passed_call_for(
                self.user, int(pk.removeprefix(mapping.PASSED_CALL_ID))
            )
            return Response(mapping.passed_call_request(passed))
        refuse_line_partner(self.user)
        return Response(_read(resource_type, self.user, int(pk)))


def _parse(model: type[Resource], body: Any) -> Resource:
    try:
        data = read_json(body or b"null")
    except ValueError as error:  # UnicodeDecodeError is one too
        raise mapping.Unprocessable(
            model.__name__, f"The body cannot be read as JSON: {error}"
        ) from None
    if not isinstance(data, dict) or data.get("resourceType") != model.__name__:
        raise mapping.Unprocessable(
            f"{model.__name__}.resourceType", f"resourceType must be {model.__name__}"
        )
    try:
        return model.model_validate(data)
    except pydantic.ValidationError as error:
        first = error.errors()[0]
        path = ".".join(str(p) for p in first["loc"] if p != "__root__")
        raise mapping.Unprocessable(f"{model.__name__}.{path}".rstrip("."), first["msg"]) from None


def _name_element(error: ValidationError, elements: dict[str, str]) -> None:
    """A service's refusal of a field, as the FHIR element it came from (the first named)."""
    for field, messages in getattr(error, "message_dict", {}).items():
        if field in elements:
            raise mapping.Unprocessable(elements[field], " ".join(messages)) from None


@extend_schema(exclude=True)
class Create(FhirView):
    permission_classes: list[type[BasePermission]] = [capability(Capability.RECORD_CONTACT)]

    def get(self, request: Request, resource_type: str) -> Response:
        # A search: not offered (the CapabilityStatement lists none). Said in words that
        # say what to do (helper-84 read DRF's "Method \"GET\" not allowed.").
        said = (
            f"This server does not search {resource_type}. Read one by its number (for "
            f"example {resource_type}/123), or POST to {resource_type} to add one."
        )
        self.headers["Allow"] = "POST, OPTIONS"  # what is offered, not GET
        return Response(outcome("not-supported", said), status=405)

    def post(self, request: Request, resource_type: str) -> Response:
        # Each service writes in its own transaction; none wraps the request, so the audit
        # of a refusal (a record not on the caseload, a person known to another team) is
        # kept when the request itself is refused.
        if resource_type != "ServiceRequest":
            refuse_line_partner(self.user)  # a ServiceRequest may pass a call to the line
        try:
            if resource_type == "Patient":
                created = self._patient(request)
            elif resource_type == "ServiceRequest":
                created = self._service_request(request)
            elif resource_type == "Encounter":
                created = self._encounter(request)
            elif resource_type == "Appointment":
                created = self._appointment(request)
            else:  # CarePlan: the URL pattern admits only the five resources
                created = self._care_plan(request)
        except KnownElsewhere:
            return Response(outcome("duplicate", KNOWN_ELSEWHERE, "Patient.identifier"), status=409)
        except mapping.Unprocessable as error:
            return Response(outcome_of("invalid", error.issues), status=400)
        except referrals.PossibleDuplicate as duplicate:
            found = [f"ServiceRequest/{r.pk}" for r in duplicate.existing]
            return Response(
                outcome(
                    "duplicate",
                    f"A referral for this person was received recently: {', '.join(found)}. "
                    "Nothing was created.",
                    "ServiceRequest.subject",
                ),
                status=409,
            )
        except ValidationError as error:
            field, messages = next(
                iter(getattr(error, "message_dict", {"": error.messages}).items())
            )
            return Response(
                outcome("invalid", " ".join(messages), f"{resource_type}.{field}".rstrip(".")),
                status=400,
            )
        # A passed call sent again (the same partner reference) is answered with the one
        # already passed: 200, as a FHIR conditional create that found its match.
        again = not getattr(self, "created", True)
        return Response(
            created,
            status=status.HTTP_200_OK if again else status.HTTP_201_CREATED,
            headers={"Location": f"{resource_type}/{created.id}"},
        )

    def _patient(self, request: Request) -> Resource:
        resource = _parse(Patient, request.data)
        assert isinstance(resource, Patient)  # noqa: S101 - parsed as Patient
        details = mapping.patient_input(resource)
        try:
            person = referrals.register_person(self.user, details)
        except ValidationError as error:
            elements = {"nhs_number": "Patient.identifier", "date_of_birth": "Patient.birthDate"}
            for field, element in elements.items():
                if field in getattr(error, "message_dict", {}):
                    message = " ".join(error.message_dict[field])
                    raise mapping.Unprocessable(element, message) from None
            raise
        if person is None:
            raise KnownElsewhere
        return mapping.patient(person)

    def _service_request(self, request: Request) -> Resource:
        resource = _parse(ServiceRequest, request.data)
        assert isinstance(resource, ServiceRequest)  # noqa: S101 - parsed as ServiceRequest
        line = mapping.performer_team_id(resource)
        if line.isdigit() and Team.objects.filter(pk=line, kind=Team.Kind.CRISIS_LINE).exists():
            return self._passed_call(resource, Team.objects.get(pk=line))
        refuse_line_partner(self.user)
        data = mapping.referral_input(resource)
        team = (
            Team.objects.filter(pk=data["team_id"]).first() if data["team_id"].isdigit() else None
        )
        if team is None:
            raise mapping.Unprocessable(
                "ServiceRequest.performer", "No such HealthcareService (team)."
            )
        received_at = data["received_at"]
        try:
            intake = referrals.refer_by_nhs_number(
                self.user,
                data["nhs_number"],
                referred_name=data["referred_name"],
                team=team,
                source=data["source"],
                urgency=data["urgency"],
                reason=data["reason"],
                physical_health_need=data["physical_health_need"],
                received_at=received_at if isinstance(received_at, dt.datetime) else None,
                referrer=data["referrer"],
                via="fhir",
            )
        except ValidationError as error:
            _name_element(
                error,
                {
                    "nhs_number": "ServiceRequest.subject",
                    "received_at": "ServiceRequest.authoredOn",
                },
            )
            raise
        return mapping.service_request(intake.referral, show_patient=not intake.identity_withheld)

    def _passed_call(self, resource: ServiceRequest, line: Team) -> Resource:
        """A ServiceRequest to the First Response line: a call passed by NHS 111 or the
        police (ADR 0015), waiting on the line to be taken."""
        try:
            first_response.partner_for(self.user)  # refused before reading what was sent
        except first_response.NotAPartner as refused:
            raise exceptions.PermissionDenied(str(refused)) from None
        data = mapping.passed_call_input(resource)
        try:
            result = first_response.pass_call(self.user, first_response.Passing(line=line, **data))
        except first_response.NotAPartner as refused:
            raise exceptions.PermissionDenied(str(refused)) from None
        except ValidationError as error:
            issues = [
                (mapping.PASSED_CALL_ELEMENTS.get(field, "ServiceRequest"), " ".join(messages))
                for field, messages in error.message_dict.items()
            ]
            raise mapping.Unprocessable(*issues[0], *issues[1:]) from None
        self.created = result.created
        return mapping.passed_call_request(result.passed)

    def _episode(self, referral_id: int, element: str) -> Any:
        referral = referrals.referral_for(self.user, referral_id)
        episode = getattr(referral, "episode", None)
        if episode is None:
            raise mapping.Unprocessable(
                element, "This referral has not been accepted: there is no episode."
            )
        return services.episode_for(self.user, episode.pk)

    def _encounter(self, request: Request) -> Resource:
        resource = _parse(Encounter, request.data)
        assert isinstance(resource, Encounter)  # noqa: S101 - parsed as Encounter
        data = mapping.contact_input(resource)
        episode = self._episode(data.pop("referral_id"), "Encounter.basedOn")
        try:
            contact = services.record_contact(self.user, episode, **data)
        except ValidationError as error:
            _name_element(error, {"occurred_on": "Encounter.period.start"})
            raise
        return mapping.encounter(contact)

    def _appointment(self, request: Request) -> Resource:
        resource = _parse(FhirAppointment, request.data)
        assert isinstance(resource, FhirAppointment)  # noqa: S101 - parsed as Appointment
        data = mapping.appointment_input(resource)
        episode = self._episode(data.pop("referral_id"), "Appointment.basedOn")
        staff = episode.team.staff.filter(pk=data.pop("staff_id")).first()
        if staff is None:
            raise mapping.Unprocessable(
                "Appointment.participant", "The practitioner does not work in this team."
            )
        appointment = episodes.book_appointment(self.user, episode, staff=staff, **data)
        return mapping.appointment(appointment)

    def _care_plan(self, request: Request) -> Resource:
        resource = _parse(CarePlan, request.data)
        assert isinstance(resource, CarePlan)  # noqa: S101 - parsed as CarePlan
        data = mapping.safety_plan_input(resource)
        person = services.open_person_record(self.user, data["person_id"])
        plan = plans.save_new_version(self.user, SafetyPlan, person, data["sections"])
        return mapping.care_plan(plan)


@extend_schema(exclude=True)
class NotFound(FhirView):
    """Any other address under the FHIR base: answered in FHIR, not with the web's page
    (helper-83 read "Page not found" as HTML for Patient/abc and Bundle/1)."""

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        said = (
            f"Nothing here. This server reads {', '.join(RESOURCES)} by their number (for "
            "example Patient/123), takes new ones by POST to the type, and describes itself "
            "at metadata."
        )
        return Response(outcome("not-found", said), status=404)

    post = put = patch = delete = get
