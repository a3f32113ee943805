"""The REST API: voices in, "you said, we did" out, and the experience metric."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.decorators import api_view, permission_classes, throttle_classes
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from coproduce.accounts.models import User
from coproduce.accounts.policy import Capability
from coproduce.api.permissions import capability, refuse_line_partner
from coproduce.api.serializers import (
    DetailSerializer,
    DuplicateSerializer,
    MonthlyExperienceSerializer,
    PassedCallInSerializer,
    PassedCallOutSerializer,
    ReferralInSerializer,
    ReferralOutSerializer,
    UpdateSerializer,
    VoiceInSerializer,
    VoiceOutSerializer,
)
from coproduce.care import referrals
from coproduce.care.models import Referral, Team
from coproduce.change.services import published_updates
from coproduce.evidence.services import experience_metric
from coproduce.firstresponse import services as first_response
from coproduce.voices.services import record_for_someone

REFUSED = {
    401: OpenApiResponse(DetailSerializer, description="Not signed in or no valid token."),
    403: OpenApiResponse(DetailSerializer, description="Your role does not allow this."),
    429: OpenApiResponse(DetailSerializer, description="Too many requests; try again later."),
}
INVALID = {
    400: OpenApiResponse(
        OpenApiTypes.OBJECT,
        description="What was wrong: each field named with its messages "
        "(non_field_errors for the request as a whole).",
    )
}


@extend_schema(request=VoiceInSerializer, responses={201: VoiceOutSerializer, **INVALID, **REFUSED})
@api_view(["POST"])
@permission_classes([capability(Capability.SUBMIT_VOICES_BY_API)])
@throttle_classes([UserRateThrottle])
def create_voice(request: Request) -> Response:
    serializer = VoiceInSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    user = request.user
    assert isinstance(user, User)  # noqa: S101 - the permission class needs a user
    voice = record_for_someone(user, **serializer.validated_data)
    return Response(VoiceOutSerializer(voice).data, status=status.HTTP_201_CREATED)


@extend_schema(
    request=ReferralInSerializer,
    responses={
        201: ReferralOutSerializer,
        409: OpenApiResponse(
            DuplicateSerializer,
            description="The person was referred recently; nothing was created. Send "
            "not_a_duplicate_because to create a separate referral. For a person known to "
            "another team, only referrals to your own teams count: another team's is "
            "neither listed nor said to exist.",
        ),
        **INVALID,
        **REFUSED,
    },
)
@api_view(["POST"])
@permission_classes([capability(Capability.RECORD_CONTACT)])
@throttle_classes([UserRateThrottle])
def create_referral(request: Request) -> Response:
    refuse_line_partner(request.user)
    serializer = ReferralInSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    data = serializer.validated_data
    user = request.user
    assert isinstance(user, User)  # noqa: S101 - the permission class needs a user
    try:
        intake = referrals.intake_referral(
            user,
            referrals.PersonDetails(
                data["nhs_number"],
                data["given_name"],
                data["family_name"],
                data["date_of_birth"],
                data["contact"],
            ),
            team=data["team"],
            source=data["source"],
            urgency=data["urgency"],
            reason=data["reason"],
            physical_health_need=data["physical_health_need"],
            received_at=data["received_at"],
            referrer=data["referrer"],
            via=Referral.Via.API,
            not_a_duplicate_because=data["not_a_duplicate_because"],
        )
    except referrals.PossibleDuplicate as duplicate:
        body = {
            "detail": "This person was referred recently; nothing was created.",
            "existing": [r.pk for r in duplicate.existing],
        }
        return Response(body, status=status.HTTP_409_CONFLICT)
    except ValidationError as error:
        raise serializers.ValidationError(getattr(error, "message_dict", error.messages)) from None
    out = ReferralOutSerializer(
        intake.referral, context={"identity_withheld": intake.identity_withheld}
    )
    return Response(out.data, status=status.HTTP_201_CREATED)


@extend_schema(
    request=PassedCallInSerializer,
    responses={
        201: PassedCallOutSerializer,
        200: OpenApiResponse(
            PassedCallOutSerializer,
            description="This partner reference was passed before: the call already "
            "passed, and nothing was created.",
        ),
        **INVALID,
        **REFUSED,
    },
    description="NHS 111 (option 2) or the police pass a call to the First Response "
    "line. The account must be registered as that partner, for that line (403 if not).",
)
@api_view(["POST"])
@permission_classes([capability(Capability.PASS_CALLS)])
@throttle_classes([UserRateThrottle])
def pass_call(request: Request) -> Response:
    serializer = PassedCallInSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    data = serializer.validated_data
    user = request.user
    assert isinstance(user, User)  # noqa: S101 - the permission class needs a user
    try:
        result = first_response.pass_call(
            user,
            first_response.Passing(
                passed_by=data["passed_by"],
                partner_reference=data["partner_reference"],
                line=(
                    Team.objects.filter(pk=data["line"]).first()
                    if data.get("line") is not None
                    else first_response.partners_only_line(user)
                ),
                reason=data["reason"],
                urgency=data["urgency"],
                phone=data["phone"],
                nhs_number=data["nhs_number"],
                called=data["called"],
                area=data["area"],
            ),
        )
    except first_response.NotAPartner as refused:
        raise exceptions.PermissionDenied(str(refused)) from None
    except ValidationError as error:
        raise serializers.ValidationError(getattr(error, "message_dict", error.messages)) from None
    out = PassedCallOutSerializer(
        result.passed, context={"identity_withheld": result.identity_withheld}
    )
    return Response(
        out.data,
        status=status.HTTP_201_CREATED if result.created else status.HTTP_200_OK,
    )


@extend_schema(responses={200: UpdateSerializer(many=True), 429: REFUSED[429]})
@api_view(["GET"])
@permission_classes([AllowAny])
@throttle_classes([AnonRateThrottle])
def list_updates(request: Request) -> Response:
    return Response(UpdateSerializer(published_updates(), many=True).data)


@extend_schema(responses={200: MonthlyExperienceSerializer(many=True), **REFUSED})
@api_view(["GET"])
@permission_classes([capability(Capability.VIEW_EVIDENCE)])
def experience(request: Request) -> Response:
    """The monthly figure as the evidence service publishes it (disclosure control done)."""
    return Response(MonthlyExperienceSerializer(experience_metric(), many=True).data)


@extend_schema(exclude=True)
@api_view(["GET", "POST", "PUT", "PATCH", "DELETE"])
@permission_classes([AllowAny])
@throttle_classes([AnonRateThrottle])
def not_found(request: Request, /, *args: object, **kwargs: object) -> Response:
    """Any other address under the API: answered in JSON, as the API answers, not with the
    web's HTML page (helper-84 read a page of HTML for /api/v1/nope). It says where the
    addresses are listed, and nothing about what is held."""
    return Response(
        {"detail": "Nothing here. The API's addresses are listed in its schema at /api/schema."},
        status=status.HTTP_404_NOT_FOUND,
    )
