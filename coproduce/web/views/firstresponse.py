"""Staff pages of the First Response Service: the line's calls and the Sanctuary's evening."""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.accounts.models import User
from coproduce.accounts.policy import Capability, requires
from coproduce.firstresponse import feedback, links, services
from coproduce.firstresponse.forms import (
    ArrivalForm,
    CallForm,
    DepartureForm,
    RiskReadForm,
    today_at,
)
from coproduce.firstresponse.linkforms import CallAndReferralForm
from coproduce.firstresponse.models import Call
from coproduce.web.views.care import add_errors
from coproduce.web.views.firstresponse_links import call_links
from coproduce.web.views.render import page, posted, signed_in_user, submission_token

# The line ------------------------------------------------------------------------------


@requires(Capability.TAKE_CALLS)
@require_GET
def show_line(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    calls = services.calls_today(user)
    return page(
        request,
        "firstresponse/line.jinja",
        "The line",
        passed=services.passed_calls_waiting(user),
        open_calls=[c for c in calls if c.is_open],
        ended_calls=[c for c in calls if not c.is_open],
        since=services.calls_since(),
        repeats={c.pk: services.earlier_call(c) for c in calls},
        mine_open=[c for c in calls if c.is_open and c.handler_id == user.pk],
        # Callers who hung up at risk and have not been called since: the others were.
        to_call_back={c.pk for c in services.calls_to_call_back(user) if c.hung_up_at_risk},
        teams=services.line_teams(user),
        now=timezone.now(),
    )


@requires(Capability.TAKE_CALLS)
@require_POST
def start_call(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    back_id = str(request.POST.get("back", ""))
    if back_id and not back_id.isdigit():
        raise Http404("No such call on your teams' lines.")  # as for a call not theirs
    back = services.call_for(user, int(back_id)) if back_id else None
    try:
        call = services.start_call(user, back=back, submission=submission_token(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("record_call", call_id=back.pk) if back else redirect("show_line")
    return redirect("record_call", call_id=call.pk)


@requires(Capability.TAKE_CALLS)
@require_http_methods(["GET", "POST"])
def discard_call(request: HttpRequest, call_id: int) -> HttpResponse:
    """A call opened by a mis-click, with nothing recorded, is discarded. Its address
    opened in the browser (after a refusal, say) goes to the call's page, not to a blank
    "405" (a fresh-eyes trial)."""
    if request.method == "GET":
        return redirect("record_call", call_id=call_id)
    user = signed_in_user(request)
    call = services.call_for(user, call_id)
    try:
        services.discard_call(user, call)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("record_call", call_id=call.pk)
    messages.success(request, "The call opened by mistake was discarded.")
    return redirect("show_line")


@requires(Capability.TAKE_CALLS)
@require_POST
def take_passed_call(request: HttpRequest, passed_id: int) -> HttpResponse:
    """One click: the passed call becomes the handler's open call, details filled in."""
    user = signed_in_user(request)
    try:
        call = services.take_passed_call(user, passed_id)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("show_line")
    return redirect("record_call", call_id=call.pk)


@requires(Capability.TAKE_CALLS)
@require_http_methods(["GET", "POST"])
def read_call_risk(request: HttpRequest, call_id: int) -> HttpResponse:
    """A handler read the words the screen flagged on an ended call and judged them (its
    address opened in the browser goes to the call's page, as for discarding)."""
    if request.method == "GET":
        return redirect("record_call", call_id=call_id)
    user = signed_in_user(request)
    call = services.call_for(user, call_id)
    read = RiskReadForm(request.POST)
    if read.is_valid():
        try:
            services.read_call_risk(user, call, read.cleaned_data["note"])
        except ValidationError as error:
            add_errors(read, error)
            call.refresh_from_db()  # someone else may have read it meanwhile: show who
        else:
            messages.success(request, "Noted. The call is off the duty worklist.")
            return redirect("record_call", call_id=call.pk)
    return _call_page(request, user, call, read=read, status=400)


@requires(Capability.TAKE_CALLS)
@require_http_methods(["GET", "POST"])
def record_call(request: HttpRequest, call_id: int) -> HttpResponse:
    user = signed_in_user(request)
    try:
        call = services.call_for(user, call_id)
    except Http404:
        if request.method == "GET" and services.discarded_by(user, call_id):
            # A tab reloaded after the call was discarded in another says so.
            messages.error(request, "That call was discarded as opened by mistake.")
            return redirect("show_line")
        reopened = services.reopen_discarded(user, call_id) if request.method == "POST" else None
        if reopened is None:
            raise
        # Discarded in another tab while they typed here: nothing typed is lost.
        messages.error(
            request,
            "This call was discarded in another tab, so what you typed was not saved. "
            "It is kept below, in a new open call: check it, then save or end the call.",
        )
        form = CallAndReferralForm(request.POST, initial=CallForm.initial_for(reopened))
        form.is_valid()  # shown as typed, with anything that needs mending named
        return _call_page(request, user, reopened, form=form, status=409)
    form = CallAndReferralForm(posted(request), initial=CallForm.initial_for(call))
    if request.method == "POST" and call.is_open and form.is_valid():
        ending = "end" in request.POST
        try:
            if ending:
                # A referral to the crisis team is made as the call ends (links), and
                # the question about how it was is queued after (feedback).
                refers = Call.Outcome.CRISIS_TEAM in form.cleaned_data["outcomes"]
                end = partial(links.end_call_and_refer, ask=form.ask()) if refers else None
                call = feedback.end_call(
                    user, call, form.details(ending=True), form.consent(), end=end
                )
            else:
                call = feedback.record_call(user, call, form.details(ending=False), form.consent())
        except ValidationError as error:
            add_errors(form, error)
        else:
            if ending:
                messages.success(request, f"Call ended and recorded.{feedback.texted_when(call)}")
                return redirect("show_line")
            messages.success(request, "Saved. The call is still open.")
            return redirect("record_call", call_id=call.pk)
    elif request.method == "POST" and call.is_open:
        _name_the_services_faults_too(user, call, form, ending="end" in request.POST)
    elif request.method == "POST":
        # Ended in another tab, or by a colleague, while this one was typed in: nothing
        # is saved over the ended call, and what was typed is shown to copy from (it was
        # dropped without a word, helper-73 found).
        return _call_page(request, user, call, unsaved=_typed_not_saved(request, call), status=409)
    return _call_page(request, user, call, form=form)


# What a handler types that an ended call could have lost: its words, not its choices.
TYPED = ("called", "phone", "area", "persons_words", "shared_understanding", "next_steps")


def _typed_not_saved(request: HttpRequest, call: Call) -> list[tuple[str, str]]:
    """Each field typed differently from what the ended call says, with its label."""
    fields = CallForm.base_fields
    typed = [(name, " ".join(request.POST.get(name, "").split())) for name in TYPED]
    return [
        (str(fields[name].label), value)
        for name, value in typed
        if value and value != " ".join(str(getattr(call, name)).split())
    ]


# A time is judged against the others (a call-back after the start, the end after it):
# while one of them cannot be read, the service's view of the rest would mislead.
CALL_TIMES = (
    "started_on",
    "started_time",
    "ended_on",
    "ended_time",
    "sanctuary_time",
    "call_back_time",
)


def _name_the_services_faults_too(
    user: User, call: Call, form: CallAndReferralForm, *, ending: bool
) -> None:
    """A form refused for what it reads itself (a time that is not one, a choice not
    offered) also names the service's faults, so they are mended in one go."""
    times_unread = any(name in form.errors for name in CALL_TIMES)
    details = form.details(ending=ending)
    faults = feedback.check_call(user, call, details, form.consent(), ending=ending)
    for field, said in faults.items():
        if field in form.errors or (times_unread and field in CALL_TIMES):
            continue
        form.add_error(field if field in form.fields else None, said)


def _call_page(
    request: HttpRequest,
    user: User,
    call: Call,
    *,
    form: CallAndReferralForm | None = None,
    read: RiskReadForm | None = None,
    unsaved: list[tuple[str, str]] | None = None,
    status: int = 200,
) -> HttpResponse:
    return page(
        request,
        "firstresponse/call.jinja",
        "Call" if not call.is_open else "Record the call",
        status=status,
        form=form or CallAndReferralForm(initial=CallForm.initial_for(call)),
        read=read or RiskReadForm(),
        # A refused judgement is the page's problem to summarise, not the call's form.
        **({"summary_form": read} if read is not None else {}),
        call=call,
        unsaved=unsaved,
        passed=call.passed_call,
        # A call-back shows the call it calls back; any other call, the caller's last.
        earlier=call.calling_back or services.earlier_call(call),
        calling_now=services.being_called_back(call),
        may_be_marked_read=services.may_be_marked_read(call),
        blank=services.is_blank(call),
        other_open=services.other_open_calls(call) if call.is_open else [],
        called_back=services.called_back(call),
        tried=services.tried_without_answer(call),
        **call_links(user, call),
    )


# The Sanctuary -------------------------------------------------------------------------


@requires(Capability.WELCOME_GUESTS)
@require_GET
def show_sanctuary(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    team = next(iter(services.sanctuaries(user)), None)
    if team is None:  # says why, as the line does, rather than "Page not found"
        return page(request, "firstresponse/sanctuary.jinja", "The Sanctuary tonight", team=None)
    now = timezone.now()
    guests = services.here_now(team)
    return page(
        request,
        "firstresponse/sanctuary.jinja",
        "The Sanctuary tonight",
        team=team,
        guests=guests,
        late={v.pk for v in services.here_after_closing(user, now)},
        expected=services.invited_tonight(team, now),
        now=now,
    )


@requires(Capability.WELCOME_GUESTS)
@require_http_methods(["GET", "POST"])
def welcome_guest(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    team = services.sanctuary_for(user)
    call_id = request.GET.get("call", "")
    initial = {"call": call_id, "came": "line" if call_id else ""} if call_id.isdigit() else {}
    form = ArrivalForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            visit = services.arrive(
                user, team, form.arrival(), submission=submission_token(request)
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            arrived = timezone.localtime(visit.arrived_at)
            is_open = team.is_open_at(arrived.time().replace(tzinfo=None))
            # Closed, the warning below says which list they are on (helper-80 read "on
            # tonight's list" above "here after closing" at 03:10).
            messages.success(
                request,
                f"{visit.label} is on tonight's list. Welcome."
                if is_open
                else f"{visit.label} is welcomed.",
            )
            if not is_open:
                # Recorded while the Sanctuary is closed (a fresh-eyes trial recorded a
                # guest at 16:25 and was not told why they showed "After closing").
                closing = visit.closing_after_arrival()
                what = (
                    f"{visit.label} shows as here after closing, on the worklist, until you "
                    "record them leaving"
                    if closing is not None and closing <= visit.arrived_at
                    else f"{visit.label} is on tonight's list, before it opens"
                )
                messages.warning(
                    request,
                    f"The Sanctuary is closed at {arrived:%H:%M} "
                    f"({team.hours_label.lower()}): {what}.",
                )
            return redirect("show_sanctuary")
    guests = services.here_now(team)
    chosen = str(form["call"].value() or "")
    return page(
        request,
        "firstresponse/arrival.jinja",
        "A guest arrives",
        form=form,
        team=team,
        # Which of tonight's invitations this is (found by a fresh-eyes re-check: the
        # form did not say), by initial as the Sanctuary's page shows them.
        invited=next((c for c in services.invited_tonight(team) if str(c.pk) == chosen), None),
        full=team.capacity is not None and len(guests) >= team.capacity,
        guests=guests,
    )


@requires(Capability.WELCOME_GUESTS)
@require_http_methods(["GET", "POST"])
def record_departure(request: HttpRequest, visit_id: int) -> HttpResponse:
    user = signed_in_user(request)
    visit = services.visit_for(user, visit_id)
    form = DepartureForm(posted(request))
    if request.method == "POST" and visit.is_here and form.is_valid():
        data = form.cleaned_data
        try:
            visit = feedback.leave(
                user,
                visit,
                form.consent(),
                left=data["left"],
                left_because=data["left_because"],
                left_at=today_at(data["left_time"]),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            texted = feedback.texted_when(visit)
            messages.success(request, f"{visit.label} has left. Thank you.{texted}")
            return redirect("show_sanctuary")
    return page(request, "firstresponse/departure.jinja", "A guest leaves", form=form, visit=visit)
