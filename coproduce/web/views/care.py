"""Staff pages for crisis care: caseload, a person's record, recording a LISTEN contact."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from coproduce.accounts.policy import Capability, requires
from coproduce.care import services
from coproduce.care.forms import ContactForm
from coproduce.web.views.render import page, posted, signed_in_user


@requires(Capability.VIEW_CASELOAD)
@require_GET
def list_caseload(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    episodes = services.caseload_for(user)
    return page(request, "care/caseload.jinja", "Caseload", episodes=episodes)


@requires(Capability.VIEW_CASELOAD)
@require_GET
def show_person(request: HttpRequest, person_id: int) -> HttpResponse:
    user = signed_in_user(request)
    person = services.open_person_record(user, person_id)
    return page(
        request,
        "care/person.jinja",
        person.full_name,
        person=person,
        episodes=list(person.episodes.all()),
        contacts=services.contacts_for(person),
    )


@requires(Capability.RECORD_CONTACT)
@require_http_methods(["GET", "POST"])
def record_contact(request: HttpRequest, episode_id: int) -> HttpResponse:
    user = signed_in_user(request)
    episode = services.episode_for(user, episode_id)  # audited as a read of the episode
    now = timezone.localtime()
    form = ContactForm(
        posted(request),
        initial={"occurred_on": now.strftime("%d/%m/%Y"), "occurred_time": now.strftime("%H:%M")},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        occurred_at = timezone.make_aware(
            dt.datetime.combine(data["occurred_on"], data["occurred_time"])
        )
        services.record_contact(
            user,
            episode,
            occurred_at=occurred_at,
            **{name: data[name] for name in ContactForm.LISTEN_FIELDS},
            mode=data["mode"],
        )
        messages.success(request, "Contact recorded, with the next steps agreed.")
        return redirect("show_person", person_id=episode.person_id)
    return page(
        request,
        "care/record_contact.jinja",
        "Record a contact",
        form=form,
        episode=episode,
    )
