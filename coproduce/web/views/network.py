"""Pages of the co-production network: joining, members, the respect agreement, meetings
and boards, involvement payments, and the network's own self-assessment."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
    require_safe,
)

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent
from coproduce.accounts.policy import Capability, can, requires
from coproduce.change import presenters
from coproduce.change.forms import ActionForm
from coproduce.change.models import Insight, PriorityRound
from coproduce.change.services import ladder_summary, published_updates, record_action
from coproduce.lib.formats import READING_FORMATS, SLUG, Format
from coproduce.messaging import formats
from coproduce.network import services
from coproduce.network.forms import (
    AgreementForm,
    ClaimForm,
    DecideClaimForm,
    DecisionForm,
    JoinForm,
    MeetingForm,
    PaperForm,
    SelfAssessmentForm,
    TrainingForm,
)
from coproduce.network.models import (
    Attendance,
    Meeting,
    MeetingPaper,
    Member,
    PaymentClaim,
    PaymentRate,
    RespectAgreement,
    SelfAssessment,
)
from coproduce.web.views.render import page, paged, posted, signed_in_user, submission_token

# Public ------------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
def join_network(request: HttpRequest) -> HttpResponse:
    """Anyone may join the network: no one is turned away."""
    form = JoinForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.join_network(
            **form.member_details(),
            equality=form.equality(),
            submission=submission_token(request),
        )
        return redirect("joined_network")
    return page(
        request,
        "network/join.jinja",
        _("Join the network"),
        form=form,
        summary_form=form,
        agreement=RespectAgreement.current(),
    )


@require_safe
def joined_network(request: HttpRequest) -> HttpResponse:
    return page(request, "network/joined.jinja", _("You have joined the network"))


# A member's own pages ----------------------------------------------------------------


def _own_member(request: HttpRequest) -> Member:
    member = services.member_for(signed_in_user(request))
    if member is None:
        raise PermissionDenied("no network record")
    return member


@requires(Capability.MEMBER_AREA)
@require_GET
def show_member(request: HttpRequest) -> HttpResponse:
    member = services.member_for(signed_in_user(request))
    agreement = RespectAgreement.current()
    meetings = (
        list(
            Attendance.objects.filter(member=member)
            .select_related("meeting")
            .prefetch_related("meeting__papers")
            .order_by("-meeting__starts_at")
        )
        if member
        else []
    )
    claimed = set(member.claims.values_list("meeting_id", flat=True)) if member else set()
    return page(
        request,
        "network/member.jinja",
        "Your network record",
        member=member,
        agreement=agreement,
        accepted=member.has_accepted(agreement) if member else False,
        rounds=list(PriorityRound.objects.filter(closed_at__isnull=True)),
        meetings=meetings,
        claimed=claimed,
        claims=list(member.claims.select_related("meeting")) if member else [],
        training=list(member.training.all()) if member else [],
        updates=published_updates()[:5],
        now=timezone.now(),
    )


@requires(Capability.MEMBER_AREA)
@require_POST
def accept_agreement(request: HttpRequest) -> HttpResponse:
    member = _own_member(request)
    agreement = get_object_or_404(RespectAgreement, pk=request.POST.get("agreement") or 0)
    try:
        services.accept_agreement(member, agreement)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, f"Thank you. You accepted version {agreement.version}.")
    return redirect("show_member")


@requires(Capability.MEMBER_AREA)
@require_http_methods(["GET", "POST"])
def claim_payment(request: HttpRequest, meeting_id: int) -> HttpResponse:
    member = _own_member(request)
    meeting = get_object_or_404(Meeting, pk=meeting_id, attendance__member=member)
    form = ClaimForm(posted(request), initial={"decline_payment": member.declines_payment})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            claim = services.submit_claim(
                signed_in_user(request),
                member,
                meeting,
                unit=data["unit"],
                units=data["units"] or Decimal(0),
                expenses=data["expenses"] or Decimal(0),
                expenses_note=data["expenses_note"],
                decline_payment=data["decline_payment"],
                submission=submission_token(request),
            )
        except ValidationError as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(
                request,
                "Your claim is sent. "
                + (
                    "You are not on the register for this meeting, so the lived experience "
                    "lead will check it before it is paid."
                    if claim.status == PaymentClaim.Status.NEEDS_CHECK
                    else "The lived experience lead will approve it, then finance pays it."
                ),
            )
            return redirect("show_member")
    return page(
        request,
        "network/claim.jinja",
        "Claim for a meeting",
        claimed=PaymentClaim.objects.filter(member=member, meeting=meeting).first(),
        form=form,
        summary_form=form,
        meeting=meeting,
        member=member,
        not_yet="" if meeting.held else services.meeting_not_held(meeting),
        rates=list(PaymentRate.objects.filter(kind=member.kind, active=True)),
    )


@requires(Capability.READ_MEETING_PAPERS)
@require_GET
def show_paper(request: HttpRequest, meeting_id: int, paper_id: int) -> HttpResponse:
    """A meeting paper in the reader's format: their own by default, any on request.
    For the network's staff and for members invited to the meeting."""
    paper = get_object_or_404(MeetingPaper.objects.select_related("meeting"), pk=paper_id)
    if paper.meeting_id != meeting_id:
        raise PermissionDenied("paper of another meeting")
    user = signed_in_user(request)
    member = services.member_for(user)
    invited = member is not None and paper.meeting.attendance.filter(member=member).exists()
    if not (can(user, Capability.MANAGE_NETWORK) or invited):
        raise PermissionDenied(Capability.MANAGE_NETWORK.value)
    # Named as on the public pages (?format=large-print); the older large_print too.
    asked = request.GET.get("format", "")
    wanted = READING_FORMATS.get(asked) or asked or (member.format if member else Format.STANDARD)
    fmt = wanted if wanted in Format.values else Format.STANDARD
    lines = [line for line in paper.text.splitlines() if line.strip()]
    if fmt == Format.EASY_READ:
        lines = [line for line in (paper.easy_read_text or "").splitlines() if line.strip()] or [
            s for line in lines for s in formats.sentences(line)
        ]
    return page(
        request,
        "network/paper.jinja",
        paper.title,
        paper=paper,
        format=fmt,
        current=SLUG.get(Format(fmt), "standard"),
        lines=lines,
        # A picture beside each point, of what it is about, as in "you said, we did".
        easy_read=[
            presenters.Point(line, presenters.picture_for(line, "said"), False) for line in lines
        ],
        braille=formats.braille_ready(paper.text) if fmt == Format.BRAILLE else "",
        # A member goes back to their own record; staff to the meeting.
        back=("show_member", ()) if invited else ("show_meeting", (paper.meeting_id,)),
        formats=[
            ("standard", "Standard"),
            (SLUG[Format.LARGE_PRINT], "Large print"),
            (SLUG[Format.EASY_READ], "Easy Read"),
            (SLUG[Format.BRAILLE], "Braille-ready plain text"),
        ],
    )


# The network's staff -----------------------------------------------------------------


@requires(Capability.MANAGE_NETWORK)
@require_GET
def list_members(request: HttpRequest) -> HttpResponse:
    listed = paged(
        request, Member.objects.current().select_related("user").prefetch_related("training")
    )
    members = list(listed["shown"])
    audit.record_list(signed_in_user(request), Member, f"network list of {len(members)}")
    return page(
        request,
        "network/members.jinja",
        "Network",
        members=members,
        accepted=services.accepted_current(members),
        agreement=RespectAgreement.current(),
        equality=services.equality_summary(),
        ladder=ladder_summary(),
        **listed,
    )


@requires(Capability.MANAGE_NETWORK)
@require_http_methods(["GET", "POST"])
def show_network_member(request: HttpRequest, member_id: int) -> HttpResponse:
    member = get_object_or_404(Member, pk=member_id)
    user = signed_in_user(request)
    form = TrainingForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.record_training(
            user, member, **form.cleaned_data, submission=submission_token(request)
        )
        messages.success(request, "Training recorded.")
        return redirect("show_network_member", member_id=member.pk)
    audit.record(user, AuditEvent.Action.VIEWED, member)
    agreement = RespectAgreement.current()
    return page(
        request,
        "network/network_member.jinja",
        member.display_name,
        member=member,
        accepted=member.has_accepted(agreement),
        agreement=agreement,
        training=list(member.training.all()),
        attendance=list(member.attendance.select_related("meeting")),
        form=form,
        summary_form=form,
    )


@requires(Capability.MANAGE_NETWORK)
@require_http_methods(["GET", "POST"])
def edit_agreement(request: HttpRequest) -> HttpResponse:
    current = RespectAgreement.current()
    form = AgreementForm(posted(request), initial={"text": current.text if current else ""})
    if request.method == "POST" and form.is_valid():
        agreement = services.publish_agreement(
            signed_in_user(request),
            form.cleaned_data["text"],
            submission=submission_token(request),
        )
        messages.success(
            request,
            f"Version {agreement.version} published. Every member is asked to accept it again.",
        )
        return redirect("edit_agreement")
    members = Member.objects.current().count()
    accepted = current.acceptances.count() if current else 0
    return page(
        request,
        "network/agreement.jinja",
        "Respect agreement",
        form=form,
        summary_form=form,
        agreement=current,
        members=members,
        accepted=accepted,
        versions=list(RespectAgreement.objects.all()),
    )


@requires(Capability.MANAGE_NETWORK)
@require_http_methods(["GET", "POST"])
def list_meetings(request: HttpRequest) -> HttpResponse:
    form = MeetingForm(posted(request))
    if request.method == "POST" and form.is_valid():
        meeting = services.create_meeting(
            signed_in_user(request), **form.details(), submission=submission_token(request)
        )
        messages.success(request, "Meeting created. Invite members and add its papers.")
        return redirect("show_meeting", meeting_id=meeting.pk)
    meetings = Meeting.objects.select_related("series").prefetch_related("attendance")
    return page(
        request,
        "network/meetings.jinja",
        "Meetings and boards",
        form=form,
        summary_form=form,
        meetings=list(meetings),
        now=timezone.now(),
    )


@requires(Capability.MANAGE_NETWORK)
@require_http_methods(["GET", "POST"])
def show_meeting(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """One meeting: agenda, papers, who is invited and who came (with whether each has
    accepted the current respect agreement), decisions and the actions arising."""
    meeting = get_object_or_404(Meeting.objects.select_related("series"), pk=meeting_id)
    user = signed_in_user(request)
    which = request.POST.get("form", "") if request.method == "POST" else ""
    paper_form = PaperForm(request.POST if which == "paper" else None)
    decision_form = DecisionForm(request.POST if which == "decision" else None)
    action_form = ActionForm(request.POST if which == "action" else None)
    shown_form = {"paper": paper_form, "decision": decision_form, "action": action_form}.get(which)
    if request.method == "POST":
        if which == "invite":
            ids = [int(v) for v in request.POST.getlist("member") if v.isdigit()]
            added = services.invite(user, meeting, Member.objects.current().filter(pk__in=ids))
            messages.success(request, f"{added} member{'s' if added != 1 else ''} invited.")
            return redirect("show_meeting", meeting_id=meeting.pk)
        if which == "seat" and meeting.series is not None:
            member = Member.objects.current().filter(pk=request.POST.get("member") or 0).first()
            try:
                if member is None:
                    raise ValidationError("Select the member to give the seat to")
                services.give_seat(
                    user, meeting.series, member, submission=submission_token(request)
                )
            except ValidationError as error:
                messages.error(request, error.messages[0])
            else:
                messages.success(request, f"{member.display_name} now holds a seat on the board.")
            return redirect("show_meeting", meeting_id=meeting.pk)
        if which == "end_seat" and meeting.series is not None:
            seat = get_object_or_404(
                meeting.series.seats, pk=request.POST.get("seat") or 0, until__isnull=True
            )
            services.end_seat(user, seat)
            messages.success(request, "Seat ended.")
            return redirect("show_meeting", meeting_id=meeting.pk)
        if which == "register":
            attended = {int(v) for v in request.POST.getlist("attended") if v.isdigit()}
            try:
                services.take_register(user, meeting, attended)
            except ValidationError as error:
                messages.error(request, error.messages[0])
            else:
                messages.success(request, "Register saved.")
            return redirect("show_meeting", meeting_id=meeting.pk)
        if which == "paper" and paper_form.is_valid():
            services.add_paper(
                user, meeting, **paper_form.cleaned_data, submission=submission_token(request)
            )
            messages.success(request, "Paper added.")
            return redirect("show_meeting", meeting_id=meeting.pk)
        if which == "decision" and decision_form.is_valid():
            services.record_decision(
                user,
                meeting,
                decision_form.cleaned_data["decision"],
                submission=submission_token(request),
            )
            messages.success(request, "Decision recorded.")
            return redirect("show_meeting", meeting_id=meeting.pk)
        if which == "action" and action_form.is_valid():
            insight = Insight.objects.filter(pk=request.POST.get("insight") or 0).first()
            if insight is None:
                action_form.add_error(None, "Select the insight the action answers")
            else:
                record_action(
                    user,
                    insight,
                    arising_from=meeting,
                    **action_form.cleaned_data,
                    submission=submission_token(request),
                )
                messages.success(request, "Action recorded.")
                return redirect("show_meeting", meeting_id=meeting.pk)
        if shown_form is None:
            return page(
                request,
                "network/meeting.jinja",
                meeting.title,
                status=400,
                **_meeting_context(meeting, paper_form, decision_form, action_form),
            )
    return page(
        request,
        "network/meeting.jinja",
        meeting.title,
        summary_form=shown_form,
        **_meeting_context(meeting, paper_form, decision_form, action_form),
    )


def _meeting_context(
    meeting: Meeting, paper_form: PaperForm, decision_form: DecisionForm, action_form: ActionForm
) -> dict[str, Any]:
    attendance = list(meeting.attendance.select_related("member__user"))
    invited = {a.member_id for a in attendance}
    accepted = services.accepted_current(a.member for a in attendance)
    others = [m for m in Member.objects.current() if m.pk not in invited]
    return {
        "meeting": meeting,
        "attendance": attendance,
        "accepted": accepted,
        "register_items": [
            {
                "value": a.member_id,
                "text": f"{a.member.display_name} ({a.member.get_format_display().lower()}; "
                + (
                    "accepted the respect agreement)"
                    if a.member_id in accepted
                    else "has not accepted the current respect agreement)"
                ),
                "checked": bool(a.attended),
            }
            for a in attendance
        ],
        "invite_items": [{"value": m.pk, "text": m.name_and_role} for m in others],
        "agreement": RespectAgreement.current(),
        "others": others,
        "papers": list(meeting.papers.all()),
        "decisions": list(meeting.decisions.all()),
        "actions": list(meeting.actions_arising.select_related("owner")),
        "seats": services.seats_filled(meeting.series) if meeting.series else [],
        "seat_rows": list(meeting.series.seats.filter(until__isnull=True).select_related("member"))
        if meeting.series
        else [],
        "seat_candidates": [
            m for m in Member.objects.current() if m.kind in services.LIVED_EXPERIENCE
        ],
        "claims": list(meeting.claims.select_related("member")),
        "insights": list(Insight.objects.all()),
        "paper_form": paper_form,
        "decision_form": decision_form,
        "action_form": action_form,
    }


@requires(Capability.APPROVE_PAYMENTS)
@require_http_methods(["GET", "POST"])
def list_claims(request: HttpRequest) -> HttpResponse:
    form = DecideClaimForm(posted(request))
    if request.method == "POST" and form.is_valid():
        claim = get_object_or_404(PaymentClaim, pk=form.cleaned_data["claim"])
        try:
            services.decide_claim(
                signed_in_user(request),
                claim,
                approve=form.cleaned_data["decision"] == "approve",
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            messages.error(request, f"Claim {claim.pk}: {error.messages[0]}")
        else:
            messages.success(request, f"Claim {claim.pk}: {claim.get_status_display().lower()}.")
        return redirect("list_claims")
    claims = PaymentClaim.objects.select_related("member", "meeting", "rate", "decided_by")
    return page(
        request,
        "network/claims.jinja",
        "Involvement payments",
        waiting=[c for c in claims if c.decided_at is None],
        decided=[c for c in claims if c.decided_at is not None][:100],
        rates=list(PaymentRate.objects.filter(active=True)),
    )


@requires(Capability.APPROVE_PAYMENTS)
@require_GET
def export_claims(request: HttpRequest) -> HttpResponse:
    """Approved claims for finance, as CSV. ``?from=YYYY-MM-DD&to=YYYY-MM-DD`` by decision date."""
    claims = PaymentClaim.objects.filter(status=PaymentClaim.Status.APPROVED).select_related(
        "member__user", "meeting", "rate", "decided_by"
    )
    for key, lookup in (("from", "decided_at__date__gte"), ("to", "decided_at__date__lte")):
        if raw := request.GET.get(key):
            try:
                claims = claims.filter(**{lookup: dt.date.fromisoformat(raw)})
            except ValueError:
                return HttpResponse(
                    f"'{key}' must be a date like 2026-04-01, not {raw[:20]!r}",
                    status=400,
                    content_type="text/plain; charset=utf-8",
                )
    rows = list(claims.order_by("decided_at"))
    audit.record_list(signed_in_user(request), PaymentClaim, f"finance export of {len(rows)}")
    response = HttpResponse(services.finance_csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="involvement-payments.csv"'
    return response


@requires(Capability.MANAGE_NETWORK)
@require_http_methods(["GET", "POST"])
def self_assessment(request: HttpRequest) -> HttpResponse:
    """The network's periodic self-assessment against the 4Pi involvement standards."""
    form = SelfAssessmentForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.record_self_assessment(
                signed_in_user(request),
                period_start=form.cleaned_data["period_start"],
                period_end=form.cleaned_data["period_end"],
                scores=form.scores(),
                submission=submission_token(request),
            )
        except ValidationError as error:
            form.add_error("period_end", error.messages[0])
        else:
            messages.success(request, "Self-assessment recorded.")
            return redirect("self_assessment")
    return page(
        request,
        "network/self_assessment.jinja",
        "4Pi self-assessment",
        form=form,
        summary_form=form,
        assessments=list(SelfAssessment.objects.prefetch_related("scores")),
    )
