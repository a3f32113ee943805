"""Staff pages for how a call joins the rest of care: record the caller as a new person,
link their earlier calls, undo a link, correct an ended call (``firstresponse.links``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from coproduce.accounts.models import Role, User
from coproduce.accounts.policy import Capability, can, requires
from coproduce.firstresponse import links, services
from coproduce.firstresponse.linkforms import (
    CorrectionForm,
    LinkCallsForm,
    NewPersonForm,
    UndoLinkForm,
)
from coproduce.firstresponse.models import Call
from coproduce.web.views.care import add_errors
from coproduce.web.views.render import page, posted, signed_in_user


def call_links(user: User, call: Call) -> dict[str, Any]:
    """What the call page shows of how the call joins care: its referral, its links to
    a person (with who linked and why), its corrections, and what the user may do."""
    return {
        "call_referral": call.referral,
        # The referral's page is its receiving team's (``referrals.referral_for``).
        "referral_reachable": links.referral_reachable(user, call),
        "person_reachable": links.person_reachable(user, call),
        "call_links": list(call.links.select_related("linked_by", "undone_by")),
        "corrections": list(call.corrections.select_related("corrected_by")),
        "may_correct": links.may_correct(user, call),
        "may_link": call.person_id is not None and bool(call.phone_key),
        "may_record_person": call.person_id is None and can(user, Capability.RECORD_CONTACT),
        "may_undo": user.role == Role.TEAM_LEADER,
    }


@requires(Capability.TAKE_CALLS)
@require_http_methods(["GET", "POST"])
def record_caller_as_person(request: HttpRequest, call_id: int) -> HttpResponse:
    user = signed_in_user(request)
    call = services.call_for(user, call_id)
    # The name the call has already, to correct if it is not their first name (a
    # fresh-eyes trial typed it twice).
    form = NewPersonForm(posted(request), initial={"given_name": call.called})
    if request.method == "POST" and form.is_valid():
        try:
            links.record_new_person(user, call, form.details())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "The caller is recorded as a person and the call linked.")
            # During a call, back to it; after, on to their earlier calls from the number.
            if call.is_open or not call.phone_key:
                return redirect("record_call", call_id=call.pk)
            return redirect("link_earlier_calls", call_id=call.pk)
    return page(
        request,
        "firstresponse/new_person.jinja",
        "Record the caller as a person",
        form=form,
        call=call,
    )


def _call_choice(call: Call) -> str:
    when = f"{timezone.localtime(call.started_at):%d/%m/%Y %H:%M}"
    said = ", ".join(call.outcome_labels) or "no outcome recorded"
    return f"Call {call.pk}, {when}: {call.called or 'no name given'} ({said})"


@requires(Capability.TAKE_CALLS)
@require_http_methods(["GET", "POST"])
def link_earlier_calls(request: HttpRequest, call_id: int) -> HttpResponse:
    user = signed_in_user(request)
    call = services.call_for(user, call_id)
    earlier = links.calls_to_link(user, call)
    form = LinkCallsForm(posted(request), choices=[(c.pk, _call_choice(c)) for c in earlier])
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            made = links.link_earlier_calls(
                user,
                call,
                call_ids=data["calls"],
                other_call_id=data["other_call"],
                because=data["because"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            count = len(made)
            messages.success(
                request, f"{count} earlier call{'s' if count != 1 else ''} linked to them."
            )
            return redirect("record_call", call_id=call.pk)
    return page(
        request,
        "firstresponse/link_calls.jinja",
        "Link their earlier calls",
        form=form,
        call=call,
        earlier=earlier,
    )


@requires(Capability.TAKE_CALLS)
@require_http_methods(["GET", "POST"])
def undo_call_link(request: HttpRequest, link_id: int) -> HttpResponse:
    user = signed_in_user(request)
    link = links.link_for(user, link_id)
    form = UndoLinkForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            links.undo_link(user, link, form.cleaned_data["undone_because"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "The link is undone. The call is anonymous again.")
            return redirect("record_call", call_id=link.call_id)
    return page(request, "firstresponse/undo_link.jinja", "Undo a link", form=form, link=link)


@requires(Capability.TAKE_CALLS)
@require_http_methods(["GET", "POST"])
def correct_call(request: HttpRequest, call_id: int) -> HttpResponse:
    user = signed_in_user(request)
    call = services.call_for(user, call_id)
    initial = CorrectionForm.initial_for(call)
    if call.ended_at is not None:
        ended: dt.datetime = timezone.localtime(call.ended_at)
        initial |= {"ended_on": f"{ended:%d/%m/%Y}", "ended_time": f"{ended:%H:%M}"}
    form = CorrectionForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            links.correct_call(user, call, form.details(ending=True), form.cleaned_data["because"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Call corrected. What it said before is kept.")
            return redirect("record_call", call_id=call.pk)
    return page(
        request,
        "firstresponse/correct_call.jinja",
        "Correct the call",
        form=form,
        call=call,
        may_correct=links.may_correct(user, call),
    )
