"""Staff pages for crisis care, from referral to discharge."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent, User
from coproduce.accounts.policy import Capability, requires
from coproduce.care import episodes as episode_services
from coproduce.care import plans, referrals, services
from coproduce.care.forms import (
    AcceptForm,
    AppointmentForm,
    AppointmentOutcomeForm,
    ArrivalForm,
    BreakGlassForm,
    ContactDetailsForm,
    ContactForm,
    DeclineForm,
    DischargeForm,
    DispatchForm,
    FindPersonForm,
    ReferralForm,
    now_initial,
    plan_form,
)
from coproduce.care.models import (
    Appointment,
    CrisisPlan,
    Episode,
    Person,
    PlanVersion,
    Referral,
    SafetyPlan,
    Team,
    memberships,
)
from coproduce.firstresponse import links as first_response_links
from coproduce.firstresponse import services as first_response
from coproduce.voices.services import open_alerts
from coproduce.web.jinja import format_datetime
from coproduce.web.shell import count_open_alerts
from coproduce.web.views.render import page, posted, signed_in_user, submission_token

BREAK_GLASS_MINUTES = 30
PLAN_KINDS: dict[str, type[PlanVersion]] = {
    "crisis-plan": CrisisPlan,
    "safety-plan": SafetyPlan,
}


def add_errors(form: Form, error: ValidationError) -> None:
    """Attach a service's refusal to the form, by field where it names one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def broken_glass_for(request: HttpRequest) -> set[int]:
    """The people whose records this session has broken the glass for, still in time."""
    granted = request.session.get("break_glass", {})
    now = timezone.now()
    return {int(pk) for pk, until in granted.items() if dt.datetime.fromisoformat(until) > now}


def broken_glass_until(request: HttpRequest, person_id: int) -> dt.datetime | None:
    """When this session's break-glass access to ``person_id``'s record ends, if it has."""
    until = request.session.get("break_glass", {}).get(str(person_id))
    return dt.datetime.fromisoformat(until) if until else None


def has_broken_glass(request: HttpRequest, person_id: int | str) -> bool:
    # The plan pages' regular-expression address passes the id as text.
    return int(person_id) in broken_glass_for(request)


# Caseload and worklist ----------------------------------------------------------------


@requires(Capability.VIEW_CASELOAD)
@require_GET
def list_caseload(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    return page(request, "care/caseload.jinja", "Caseload", episodes=services.caseload_for(user))


@requires(Capability.VIEW_CASELOAD)
@require_GET
def show_worklist(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    now = timezone.now()
    worklist = episode_services.worklist_for(user, now)
    waiting = [*worklist.unallocated, *(d.referral for d in worklist.late_arrivals)]
    # Alerts are for whoever is on duty, whatever their team: shown without the words.
    # (Their channel is shown, not their team: the voice alone is joined.)
    alerts = list(open_alerts().select_related(None).select_related("voice").order_by("raised_at"))
    count_open_alerts(request, alerts)
    return page(
        request,
        "care/worklist.jinja",
        "Worklist",
        worklist=worklist,
        visible=services.people_visible_to(
            user, {r.person_id for r in waiting}, break_glass_for=broken_glass_for(request)
        ),
        alerts=alerts,
        # The line and the Sanctuary (hazard log: a caller at risk who hung up; a guest
        # still here after closing), for the teams the user works in.
        call_backs=first_response.calls_to_call_back(user, now),
        passed_at_risk=first_response.passed_calls_at_risk(user),
        after_closing=first_response.here_after_closing(user, now),
        # Their sections only for those on those teams (others would see an empty list
        # that reads as a quiet night: a fresh-eyes trial).
        on_line=bool(first_response.line_teams(user)),
        at_sanctuary=bool(first_response.sanctuaries(user)),
        # What "recently" means: the days each of the user's teams allows without contact.
        no_contact_days=sorted({team.disengaged_after_days for team in memberships(user)}),
        now=now,
    )


# Referrals ----------------------------------------------------------------------------


@requires(Capability.VIEW_CASELOAD)
@require_GET
def list_referrals(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    now = timezone.now()
    waiting = referrals.waiting_for(user)
    return page(
        request,
        "care/referrals.jinja",
        "Referrals",
        waiting=waiting,
        breaches=[r for r in waiting if r.breached(now)],
        visible=services.people_visible_to(
            user, {r.person_id for r in waiting}, break_glass_for=broken_glass_for(request)
        ),
        now=now,
    )


def _team_choices(now: dt.datetime) -> list[dict[str, Any]]:
    local = timezone.localtime(now)
    return [
        {
            "team": team,
            "open": team.is_open_at(local.time()),
            "opens": timezone.localtime(team.next_opening(local)),
        }
        for team in Team.objects.all()
    ]


def _chosen_duplicate(
    request: HttpRequest, details: referrals.PersonDetails, received_at: dt.datetime
) -> Referral | None:
    """The existing referral chosen to merge into, if the person is known and one was
    (only one the user may be shown: see ``referrals.mergeable_duplicates``)."""
    chosen = request.POST.get("merge_into")
    if not chosen:
        return None
    existing = referrals.mergeable_duplicates(
        signed_in_user(request),
        details.nhs_number,
        received_at,
        break_glass_for=broken_glass_for(request),
    )
    return next((r for r in existing if str(r.pk) == chosen), None)


def _to_referral_or_list(request: HttpRequest, referral: Referral) -> HttpResponse:
    """The referral's page if it is for one of the user's teams, else the referrals list
    (a referral sent to another team is that team's to open)."""
    if referral.team.staff.filter(pk=signed_in_user(request).pk).exists():
        return redirect("show_referral", referral_id=referral.pk)
    return redirect("list_referrals")


KNOWN_ELSEWHERE = (
    "This NHS number belongs to someone known to another team, so nothing of their record "
    "is shown here: the receiving team sees the person once it accepts the referral. If you "
    "need their record now, find them by NHS number and give a break-glass reason."
)


@requires(Capability.RECORD_CONTACT)
@require_http_methods(["GET", "POST"])
def new_referral(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = ReferralForm(posted(request), initial=now_initial("received"))
    duplicate: referrals.PossibleDuplicate | None = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        received_at = form.moment("received") or timezone.now()
        separate = "separate" in request.POST
        details = referrals.PersonDetails(
            data["nhs_number"],
            data["given_name"],
            data["family_name"],
            data["date_of_birth"],
            form.contact,
        )
        try:
            if not separate and (target := _chosen_duplicate(request, details, received_at)):
                referrals.merge_into(
                    user,
                    target,
                    source=data["source"],
                    reason=data["reason"],
                    referrer=data["referrer"],
                    submission=submission_token(request),
                )
                messages.success(
                    request, "Added to the referral already received. Nothing was created twice."
                )
                return _to_referral_or_list(request, target)
            intake = referrals.intake_referral(
                user,
                details,
                break_glass_for=broken_glass_for(request),
                team=data["team"],
                source=data["source"],
                urgency=data["urgency"],
                reason=data["reason"],
                physical_health_need=data["physical_health_need"],
                received_at=received_at,
                referrer=data["referrer"],
                not_a_duplicate_because=data["not_a_duplicate_because"] if separate else "",
                submission=submission_token(request),
            )
        except referrals.PossibleDuplicate as found:
            duplicate = found
            if "merge" in request.POST and not separate:
                form.add_error(None, "Choose the referral to merge into")
            if separate:
                form.add_error("not_a_duplicate_because", "Say why this is a separate referral")
        except ValidationError as error:
            add_errors(form, error)
        else:
            received = f"Referral received by {intake.referral.team.name}."
            if intake.identity_withheld:
                messages.info(request, f"{received} {KNOWN_ELSEWHERE}")
            else:
                messages.success(request, received)
            return _to_referral_or_list(request, intake.referral)
    return page(
        request,
        "care/new_referral.jinja",
        "New referral",
        status=409 if duplicate else 200,
        form=form,
        teams=_team_choices(timezone.now()),
        duplicates=duplicate.existing if duplicate else [],
    )


@requires(Capability.VIEW_CASELOAD)
@require_http_methods(["GET", "POST"])
def show_referral(request: HttpRequest, referral_id: int) -> HttpResponse:
    user = signed_in_user(request)
    referral = referrals.referral_for(user, referral_id)
    action = request.POST.get("action")
    # Nothing chosen in advance: no lead, no named team, no "now" (issue 18).
    accept = AcceptForm(posted(request) if action == "accept" else None, team=referral.team)
    decline = DeclineForm(posted(request) if action == "decline" else None)
    dispatch_form = DispatchForm(
        posted(request) if action == "dispatch" else None, initial=now_initial("dispatched")
    )
    arrival = ArrivalForm(
        posted(request) if action == "arrival" else None, initial=now_initial("arrived")
    )
    chosen = {"accept": accept, "decline": decline, "dispatch": dispatch_form, "arrival": arrival}
    form = chosen.get(action or "")
    if request.method == "POST" and form is None:
        raise BadRequest("Unknown action on a referral.")
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            if form is accept:
                initial_at = accept.moment("initial")
                assert initial_at is not None  # noqa: S101 - both parts are required fields
                episode = referrals.accept_referral(
                    user,
                    referral,
                    lead=accept.cleaned_data["lead"],
                    named_team=list(accept.cleaned_data["named_team"]),
                    initial_at=initial_at,
                    identity_checked=accept.cleaned_data["identity_checked"],
                    after_target_because=accept.cleaned_data["after_target_because"],
                )
                messages.success(
                    request, "Referral accepted. The initial appointment and reviews are booked."
                )
                return redirect("show_episode", episode_id=episode.pk)
            if form is decline:
                referrals.decline_referral(user, referral, decline.cleaned_data["reason"])
                messages.success(request, "Referral declined.")
                return redirect("list_referrals")
            if form is dispatch_form:
                referrals.dispatch_vehicle(
                    user,
                    referral,
                    dispatched_at=dispatch_form.moment("dispatched") or timezone.now(),
                    submission=submission_token(request),
                )
                messages.success(request, "Vehicle dispatched. The arrival clock has started.")
            if form is arrival:
                referrals.record_arrival(
                    user,
                    referral.dispatch,
                    arrived_at=arrival.moment("arrived") or timezone.now(),
                    outcome=arrival.cleaned_data["outcome"],
                    partner=arrival.cleaned_data["partner"],
                    handover_notes=arrival.cleaned_data["handover_notes"],
                )
                messages.success(request, "Arrival and outcome recorded.")
            return redirect("show_referral", referral_id=referral.pk)
        except ValidationError as error:
            done = referrals.accepted_episode(referral) if form is accept else None
            if done is None:
                add_errors(form, error)
            else:
                messages.info(request, "This referral has been accepted. Here is its episode.")
                return redirect("show_episode", episode_id=done.pk)
    dispatch = getattr(referral, "dispatch", None)
    identity_visible = services.may_see_person(
        user, referral.person, break_glass=has_broken_glass(request, referral.person_id)
    )
    if identity_visible:  # their name and how to reach them are on the page
        audit.record(user, AuditEvent.Action.VIEWED, referral.person, "referral page")
    return page(
        request,
        "care/referral.jinja",
        "Referral",
        referral=referral,
        accept=accept,
        decline=decline,
        dispatch_form=dispatch_form,
        arrival=arrival,
        dispatch=dispatch,
        summary_form=form,
        identity_visible=identity_visible,
        # Where it came from, when a call to the line made it (issue 22).
        from_line=first_response_links.referral_from_the_line(referral),
        from_call=first_response_links.call_of_referral(user, referral),
        now=timezone.now(),
    )


# Episodes -----------------------------------------------------------------------------


@requires(Capability.VIEW_CASELOAD)
@require_http_methods(["GET", "POST"])
def show_episode(request: HttpRequest, episode_id: int) -> HttpResponse:
    user = signed_in_user(request)
    episode, on_caseload = services.open_episode_and_access(
        user, episode_id, break_glass_for=broken_glass_for(request)
    )
    if request.method == "POST" and not on_caseload:
        raise PermissionDenied("Break-glass access is read only.")
    named_team = list(episode.named_team.all())
    form = AppointmentForm(
        posted(request),
        team=episode.team,
        named={u.pk for u in named_team},
        # Today, and no time: a time of now booked an appointment already due (a
        # fresh-eyes trial), so the time is chosen.
        initial={"starts_on": now_initial("starts")["starts_on"]},
    )
    if request.method == "POST" and form.is_valid():
        try:
            episode_services.book_appointment(
                user,
                episode,
                kind=form.cleaned_data["kind"],
                starts_at=form.moment("starts") or timezone.now(),
                staff=form.cleaned_data["staff"],
                outside_named_team_because=form.cleaned_data["outside_named_team_because"],
                submission=submission_token(request),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            booked_for = form.moment("starts") or timezone.now()
            messages.success(
                request,
                "Appointment booked."
                + (
                    " Its time has passed, so it is on the worklist as due: record what "
                    "happened at it below."
                    if booked_for < timezone.now()
                    else ""
                ),
            )
            return redirect("show_episode", episode_id=episode.pk)
    return page(
        request,
        "care/episode.jinja",
        "Episode",
        episode=episode,
        named_team=named_team,
        appointments=list(episode.appointments.select_related("staff")),
        contacts=list(episode.contacts.select_related("staff")),
        distinct_staff=episode_services.distinct_staff_met(episode),
        form=form,
        break_glass=not on_caseload,
        now=timezone.now(),
    )


@requires(Capability.RECORD_CONTACT)
@require_http_methods(["GET", "POST"])
def discharge_episode(request: HttpRequest, episode_id: int) -> HttpResponse:
    user = signed_in_user(request)
    episode = services.episode_for(user, episode_id)
    unseen = not episode.contacts.exists()
    form = DischargeForm(
        posted(request),
        initial={
            **now_initial("discharged"),
            "feedback_invitations": episode.person.feedback_invitations,
        },
        person=episode.person,
        unseen=unseen,
    )
    if request.method == "POST" and form.is_valid():
        try:
            episode_services.discharge(
                user,
                episode,
                destination=form.cleaned_data["destination"],
                onward_team=form.cleaned_data["onward_team"],
                discharged_at=form.moment("discharged"),
                feedback_invitations=form.cleaned_data["feedback_invitations"],
                unseen_because=form.cleaned_data["unseen_because"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            # Said as it is (helper-76 chose No and read "scheduled if the person agreed";
            # helper-80 read "they did not agree" of someone nobody had asked).
            invited = episode.person.feedback_invitations
            messages.success(
                request,
                "Discharged. They will not be invited to say how their care was."
                if invited == Person.FeedbackInvitations.NONE and unseen
                else "Discharged. They will not be invited to say how their care was: they "
                "did not agree."
                if invited == Person.FeedbackInvitations.NONE
                else "Discharged. They will be invited by "
                f"{Person.FeedbackInvitations(invited).label.lower()} to say how their care "
                "was.",
            )
            return redirect("show_person", person_id=episode.person_id)
    return page(
        request,
        "care/discharge.jinja",
        "Discharge",
        form=form,
        episode=episode,
        unseen=unseen,
    )


@requires(Capability.RECORD_CONTACT)
@require_http_methods(["GET", "POST"])
def record_contact(request: HttpRequest, episode_id: int) -> HttpResponse:
    user = signed_in_user(request)
    episode = services.episode_for(user, episode_id)  # audited as a read of the episode
    appointment = _appointment_asked_for(request, user, episode)
    # A contact that was an appointment already held happened, most likely, at its time.
    held_at = (
        appointment.starts_at
        if appointment is not None and appointment.starts_at <= timezone.now()
        else None
    )
    form = ContactForm(
        posted(request),
        initial={
            **now_initial("occurred", held_at),
            "carer_informed": "no_carer",
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if appointment is not None and appointment.status != Appointment.Status.BOOKED:
                # Recorded by someone else since this form was opened: say so, and let
                # the next press save the contact on its own (nothing typed is lost).
                raise ValidationError(episode_services.already_recorded(appointment))
            services.record_contact(
                user,
                episode,
                occurred_at=form.moment("occurred") or timezone.now(),
                mode=data["mode"],
                **{name: data[name] for name in ContactForm.LISTEN_FIELDS},
                appointment=appointment,
                submission=submission_token(request),
            )
        except ValidationError as error:
            add_errors(form, error)
            if appointment is not None:
                appointment.refresh_from_db(
                    fields=["status", "outcome_recorded_by", "outcome_recorded_at"]
                )
        else:
            messages.success(
                request,
                "Contact recorded, with the next steps agreed."
                + (" The appointment is marked attended." if appointment else ""),
            )
            return redirect("show_person", person_id=episode.person_id)
    elif request.method == "POST":
        # Named with the form's own faults, not after they are mended (helper-83 was
        # told of a date before the episode only once duration and carer were right).
        occurred = form.moment("occurred")
        too_early = occurred and services.before_the_episode(episode, occurred)
        if too_early and "occurred_on" not in form.errors:
            form.add_error("occurred_on", services.CONTACT_BEFORE_EPISODE)
    recorded = (
        episode_services.already_recorded(appointment)
        if appointment is not None and appointment.status != Appointment.Status.BOOKED
        else ""
    )
    return page(
        request,
        "care/record_contact.jinja",
        "Record a contact",
        form=form,
        episode=episode,
        # An appointment already recorded is not sent again: the contact is saved alone.
        appointment=None if recorded else appointment,
        appointment_recorded=recorded,
        crisis_plan=plans.current(CrisisPlan, episode.person),
        outside_named_team=episode_services.outside_named_team(episode, user),
    )


def _appointment_asked_for(
    request: HttpRequest, user: User, episode: Episode
) -> Appointment | None:
    """The appointment a contact is recorded for (``?appointment=`` or the form's field),
    if any: one of this episode's, or 404."""
    asked = request.POST.get("appointment") or request.GET.get("appointment")
    if not asked:
        return None
    if not asked.isdecimal():
        raise Http404("No such appointment in this episode.")
    appointment = episode_services.appointment_for(user, int(asked))
    if appointment.episode_id != episode.pk:
        raise Http404("No such appointment in this episode.")
    return appointment


@requires(Capability.RECORD_CONTACT)
@require_http_methods(["GET", "POST"])
def record_appointment_outcome(request: HttpRequest, appointment_id: int) -> HttpResponse:
    user = signed_in_user(request)
    appointment = episode_services.appointment_for(user, appointment_id)  # audited read
    episode = appointment.episode
    form = AppointmentOutcomeForm(posted(request))
    if request.method == "POST" and form.is_valid():
        status = form.cleaned_data["status"]
        if status != AppointmentOutcomeForm.CAME:
            try:
                episode_services.record_appointment_outcome(
                    user,
                    appointment,
                    status=status,
                    note=form.cleaned_data["note"],
                    submission=submission_token(request),
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                done = "they did not come" if status == "did_not_attend" else "cancelled"
                messages.success(request, f"Recorded: {done}.")
                return redirect("show_episode", episode_id=episode.pk)
        elif appointment.starts_at > timezone.now() + episode_services.ARRIVES_EARLY:
            # Said before the contact form is filled in, not after (a fresh-eyes trial).
            form.add_error(
                "status",
                f"It starts {format_datetime(appointment.starts_at)}: record the contact "
                "once it has happened. If they came on another day, record a contact from "
                "the episode, then cancel this appointment and book another if needed.",
            )
        else:
            contact_form = reverse("record_contact", args=[episode.pk])
            return redirect(f"{contact_form}?appointment={appointment.pk}")
    return page(
        request,
        "care/appointment_outcome.jinja",
        "What happened at the appointment",
        form=form,
        appointment=appointment,
        episode=episode,
        started=appointment.starts_at <= timezone.now(),
        recorded=(
            episode_services.already_recorded(appointment)
            if appointment.status != Appointment.Status.BOOKED
            else ""
        ),
    )


# People and their plans ---------------------------------------------------------------


@requires(Capability.VIEW_CASELOAD)
@require_GET
def show_person(request: HttpRequest, person_id: int) -> HttpResponse:
    user = signed_in_user(request)
    person, on_caseload = services.open_person_record_and_access(
        user, person_id, break_glass=has_broken_glass(request, person_id)
    )
    return page(
        request,
        "care/person.jinja",
        person.full_name,
        person=person,
        episodes=list(person.episodes.all()),
        contacts=services.contacts_for(person),
        crisis_plan=plans.current(CrisisPlan, person),
        safety_plan=plans.current(SafetyPlan, person),
        break_glass=not on_caseload,
        # So they know when they must ask again (helper-80 was not told).
        break_glass_until=broken_glass_until(request, person.pk) if not on_caseload else None,
        # Their calls to the line and evenings at the Sanctuary (issue 22), audited.
        on_the_line=first_response_links.calls_and_visits_of(user, person),
    )


def _back_to(request: HttpRequest, fallback: str) -> str:
    """Where to go after a form: the page that sent the user here (on this site), if any."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if wanted.startswith("/") and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}
    ):
        return wanted
    return fallback


@requires(Capability.RECORD_CONTACT)
@require_http_methods(["GET", "POST"])
def edit_contact_details(request: HttpRequest, person_id: int) -> HttpResponse:
    """Record or change how to reach the person (mobile, email, postal address, the way
    they prefer); audited as a change to their record."""
    user = signed_in_user(request)
    person = services.open_person_record(user, person_id)
    back = _back_to(request, reverse("show_person", args=[person.pk]))
    form = ContactDetailsForm(
        posted(request),
        initial={name: getattr(person, name) for name in services.CONTACT_LABELS},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_contact_details(user, person, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Contact details saved.")
            return redirect(back)
    return page(
        request,
        "care/contact_details.jinja",
        "Contact details",
        form=form,
        person=person,
        back=back,
    )


@requires(Capability.VIEW_CASELOAD)
@require_http_methods(["GET", "POST"])
def edit_plan(request: HttpRequest, person_id: int, kind: str) -> HttpResponse:
    user = signed_in_user(request)
    plan_kind = PLAN_KINDS[kind]
    person = services.open_person_record(user, person_id)
    latest = plans.current(plan_kind, person)
    initial = {name: getattr(latest, name) for name, _ in plan_kind.SECTIONS} if latest else {}
    form = plan_form(plan_kind)(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        plans.save_new_version(
            user, plan_kind, person, form.cleaned_data, submission=submission_token(request)
        )
        messages.success(request, "Saved as a new version. Earlier versions are kept.")
        return redirect("show_plan", person_id=person.pk, kind=kind)
    title = plan_kind.TITLE
    return page(
        request,
        "care/edit_plan.jinja",
        f"Edit {title.lower()}",
        form=form,
        person=person,
        kind=kind,
        plan_title=title,
        sections=plan_kind.SECTIONS,
    )


@requires(Capability.VIEW_CASELOAD)
@require_GET
def show_plan(request: HttpRequest, person_id: int, kind: str) -> HttpResponse:
    user = signed_in_user(request)
    plan_kind = PLAN_KINDS[kind]
    person, on_caseload = services.open_person_record_and_access(
        user, person_id, break_glass=has_broken_glass(request, person_id)
    )
    chosen, versions = plans.read_versions(
        user, plan_kind, person, request.GET.get("version"), break_glass=not on_caseload
    )
    title = plan_kind.TITLE
    template = "care/plan_print.jinja" if request.GET.get("copy") == "person" else "care/plan.jinja"
    return page(
        request,
        template,
        title,
        person=person,
        kind=kind,
        plan_title=title,
        plan=chosen,
        versions=versions,
        break_glass=not on_caseload,
    )


@requires(Capability.VIEW_CASELOAD)
@require_http_methods(["GET", "POST"])
def find_person(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = FindPersonForm(posted(request))
    if request.method == "POST" and form.is_valid():
        person = services.find_person(user, form.cleaned_data["nhs_number"])
        if person is None:
            form.add_error("nhs_number", "No one with this NHS number is known to the service")
        elif services.on_caseload(user, person):
            return redirect("show_person", person_id=person.pk)
        else:
            return redirect("break_glass", person_id=person.pk)
    return page(request, "care/find_person.jinja", "Find a person", form=form)


@requires(Capability.VIEW_CASELOAD)
@require_http_methods(["GET", "POST"])
def break_glass(request: HttpRequest, person_id: int) -> HttpResponse:
    user = signed_in_user(request)
    person = services.person_for_break_glass(person_id)
    if services.on_caseload(user, person):
        return redirect("show_person", person_id=person.pk)
    form = BreakGlassForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.break_glass(user, person, form.cleaned_data["reason"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            until = timezone.now() + dt.timedelta(minutes=BREAK_GLASS_MINUTES)
            granted = request.session.get("break_glass", {})
            granted[str(person.pk)] = until.isoformat()
            request.session["break_glass"] = granted
            return redirect("show_person", person_id=person.pk)
    return page(
        request,
        "care/break_glass.jinja",
        "Break-glass access",
        person=person,
        form=form,
        minutes=BREAK_GLASS_MINUTES,
        shortest=services.BREAK_GLASS_REASON_MIN,
        words=services.BREAK_GLASS_REASON_WORDS,
    )
