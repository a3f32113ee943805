"""Public pages: home, give feedback, "you said, we did", health."""

from __future__ import annotations

import time

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from coproduce.accounts import audit
from coproduce.accounts.models import User
from coproduce.accounts.policy import Capability, can
from coproduce.care.models import Team
from coproduce.change import delivery, presenters, stopping
from coproduce.change.models import Update
from coproduce.change.services import published_quotes, published_updates, quoted_in_public
from coproduce.lib.formats import READING_FORMATS, Format
from coproduce.messaging import formats
from coproduce.voices import alerts, follow_up, risk
from coproduce.voices.forms import FEEDBACK_MAX_CHARACTERS, FeedbackForm
from coproduce.voices.models import Voice
from coproduce.voices.services import (
    receive_feedback,
    voice_for_withdrawal,
    withdraw,
    withdrawal_token,
)
from coproduce.web.shell import works_there
from coproduce.web.views.render import FEEDBACK_RECEIVED as RECEIVED
from coproduce.web.views.render import page, posted, submission_token

RECEIVED_SHOWN_FOR = 15 * 60  # seconds the thank-you page shows what was sent
# Where the last feedback was sent from: the next form is drawn to send to the other of
# its two addresses (``FORM_ADDRESSES``), because a browser puts back what was typed only
# into a form sending where the one left did. Without JavaScript (forget-sent.js), Back
# after sending brought the last person's words and email address back into the form.
SENT_FROM = "feedback_sent_from"
FORM_ADDRESSES = ("give_feedback", "give_feedback_again")


@require_safe  # GET, and HEAD for the uptime monitors that ask with it
def home(request: HttpRequest) -> HttpResponse:
    return page(
        request,
        "public/home.jinja",
        _("Home"),
        can_caseload=can(request.user, Capability.VIEW_CASELOAD),
        can_alerts=can(request.user, Capability.RESPOND_TO_ALERTS),
        can_voices=can(request.user, Capability.REVIEW_VOICES),
        can_evidence=can(request.user, Capability.VIEW_EVIDENCE),
        can_member=can(request.user, Capability.MEMBER_AREA),
        # The line and the Sanctuary, as the navigation offers them: only to those who
        # work there (a fresh-eyes trial found the menu's "The line" with no card here).
        takes_calls=_works_on(request, Capability.TAKE_CALLS, "show_line"),
        welcomes_guests=_works_on(request, Capability.WELCOME_GUESTS, "show_sanctuary"),
    )


def _works_on(request: HttpRequest, capability: Capability, page_name: str) -> bool:
    user = request.user
    return isinstance(user, User) and can(user, capability) and works_there(user, page_name)


@require_http_methods(["GET", "HEAD", "POST"])  # HEAD: the uptime monitors ask with it
@never_cache  # nor what was typed, on a shared computer's Back button (with forget-sent.js)
def give_feedback(request: HttpRequest) -> HttpResponse:
    # A follow-up invitation's link says which service the feedback is about; it does
    # not say who is giving it.
    token = request.GET.get("invitation") or request.POST.get("invitation") or ""
    invitation = follow_up.invitation_for(token) if token else None
    initial = {"team": invitation.episode.team_id} if invitation else None
    form = FeedbackForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        voice = receive_feedback(
            audit.someone_not_signed_in(),
            channel=Voice.Channel.WEB,
            text=data["text"],
            rating=data["rating"],
            team=data["team"] or (invitation.episode.team if invitation else None),
            **form.consent_and_contact(),
            language=translation.get_language() or "en",
            follow_up_invitation=invitation,
            submission=submission_token(request),
        )
        # The confirmation page puts crisis help first for a message the screen read as at
        # risk, and gives the link to withdraw this feedback later. A message it could not
        # read (another language) alerts the duty team too, but is thanked as feedback:
        # a fresh-eyes trial found mild feedback told "the crisis team has been told".
        alert = getattr(voice, "risk_alert", None)
        concerns = tuple(map(risk.Concern, alert.concerns)) if alert else ()
        at_risk = risk.Screen(concerns).at_risk
        request.session[SENT_FROM] = _address(request)
        request.session[RECEIVED] = {
            "at_risk": at_risk,
            "to_read": bool(concerns) and not at_risk,
            "withdrawal": withdrawal_token(voice),
            # How they asked to be told what changes, if they did (never the address).
            "told_by": voice.contact_channel if voice.consent_contact else "",
            # Whether the crisis team holds a way to reach them (a fresh-eyes trial: told
            # "our crisis team has been told" with none given, a person may wait for a
            # call that cannot come), and whether they agreed to its use to improve.
            "reachable": bool(alert and at_risk and alerts.contact_routes(alert)),
            "improve": voice.consent_improvement,
            "at": int(time.time()),
        }
        return redirect("feedback_received")
    sends_to = _address(request)
    if request.method == "GET" and (sent_from := request.session.pop(SENT_FROM, None)):
        sends_to = FORM_ADDRESSES[sent_from == FORM_ADDRESSES[0]]
    blank = not form.is_bound and not form.initial
    return page(
        request,
        "public/feedback.jinja",
        _("Give feedback"),
        form=form,
        # The blank form is the same for everyone: drawn once for each list of services.
        blank_form_key=list(Team.objects.values_list("pk", "name")) if blank else None,
        max_characters=FEEDBACK_MAX_CHARACTERS,
        invitation_token=token if invitation else "",
        sends_to=sends_to,
    )


def _address(request: HttpRequest) -> str:
    """Which of the form's two addresses this request came to."""
    name = request.resolver_match.url_name if request.resolver_match else None
    return name if name in FORM_ADDRESSES else FORM_ADDRESSES[0]


def feedback_not_sent(request: HttpRequest) -> HttpResponse:
    """The feedback form posted without a valid CSRF token (a tab left open until its
    cookie went, a browser blocking cookies): nothing is saved, and the form is drawn again
    with the person's words and choices and a fresh token, to send again."""
    form = FeedbackForm(initial={name: request.POST.get(name) for name in FeedbackForm.base_fields})
    token = request.POST.get("invitation") or ""
    response = page(
        request,
        "public/feedback.jinja",
        _("Give feedback"),
        status=403,
        form=form,
        blank_form_key=None,
        max_characters=FEEDBACK_MAX_CHARACTERS,
        invitation_token=token if follow_up.invitation_for(token) else "",
        not_sent=True,
    )
    add_never_cache_headers(response)  # it shows the person's words, as give_feedback does
    return response


@require_safe
@never_cache
def feedback_received(request: HttpRequest) -> HttpResponse:
    """What was sent is shown again on a reload (a phone reloads a tab it put away), so
    the crisis help and the withdraw link are not lost: for 15 minutes, until another of
    our pages is opened (``render.page``). Otherwise the page says it has closed, never
    "received"."""
    received = request.session.get(RECEIVED)
    if received and time.time() - received.get("at", 0) > RECEIVED_SHOWN_FOR:
        del request.session[RECEIVED]
        received = None
    if not received:
        return page(
            request, "public/feedback_received.jinja", _("This page has closed"), shown=False
        )
    return page(
        request,
        "public/feedback_received.jinja",
        _("Thank you for your feedback"),
        shown=True,
        at_risk=received["at_risk"],
        to_read=received["to_read"],
        reachable=received.get("reachable", False),
        improve=received.get("improve", True),
        told_by={
            Voice.ContactChannel.EMAIL: _("by email"),
            Voice.ContactChannel.SMS: _("by text message"),
            Voice.ContactChannel.POST: _("by post"),
        }.get(received.get("told_by", ""), ""),
        withdraw_url=request.build_absolute_uri(
            reverse("withdraw_feedback", args=[received["withdrawal"]])
        ),
    )


@require_http_methods(["GET", "POST"])
def withdraw_feedback(request: HttpRequest, token: str) -> HttpResponse:
    voice = voice_for_withdrawal(token)
    if voice is None:
        return page(
            request, "public/withdraw.jinja", _("Withdraw your feedback"), status=404, voice=None
        )
    if request.method == "POST":
        was_quoted = voice.withdrawn_at is None and quoted_in_public(voice)
        withdraw(voice)
        return page(
            request,
            "public/withdraw.jinja",
            _("Feedback withdrawn"),
            voice=voice,
            done=True,
            was_quoted=was_quoted,
        )
    return page(
        request, "public/withdraw.jinja", _("Withdraw your feedback"), voice=voice, done=False
    )


@require_http_methods(["GET", "POST"])
def stop_follow_up(request: HttpRequest, token: str) -> HttpResponse:
    """One tap to stop follow-up messages. The link opens a page with one button, so a
    link checker in someone's email cannot stop them by fetching the link."""
    invitation = follow_up.invitation_for(token)
    if invitation is None:
        return page(request, "public/stop.jinja", _("Stop these messages"), status=404, found=False)
    if request.method == "POST":
        follow_up.stop(invitation)
        return page(request, "public/stop.jinja", _("Messages stopped"), found=True, done=True)
    return page(request, "public/stop.jinja", _("Stop these messages"), found=True, done=False)


@require_http_methods(["GET", "POST"])
def stop_updates(request: HttpRequest, token: str) -> HttpResponse:
    """Stop "you said, we did" messages: the link in each one opens a page with one
    button, so a link checker in someone's email cannot stop them by fetching it."""
    voice = stopping.voice_for(token)
    if voice is None:
        return page(
            request,
            "public/stop.jinja",
            _("Stop these messages"),
            status=404,
            found=False,
            updates=True,
        )
    if request.method == "POST":
        stopping.stop(voice)
    done = stopping.stopped(voice) or request.method == "POST"  # stopped already: say so
    title = _("Messages stopped") if done else _("Stop these messages")
    return page(request, "public/stop.jinja", title, found=True, done=done, updates=True)


@require_safe
def list_updates(request: HttpRequest) -> HttpResponse:
    """Every update. Asked for in a format (the update's page links back in its own), the
    list keeps it: large print is large, and each update opens in that format."""
    requested = request.GET.get("format", "")
    written = _format_written(requested)
    if written in PUBLIC_FORMATS and written != requested:
        return redirect(f"{request.path}?format={written}")
    if requested and written not in PUBLIC_FORMATS:
        return redirect(request.path)  # standard, audio or one we do not have: the list
    updates = published_updates()
    language = translation.get_language() or "en"
    # Only words a person agreed to have quoted, masked and approved by a lead.
    quotes = {u.pk: published_quotes(u) for u in updates}
    words = {u.pk: delivery.words_for(u, language) for u in updates}
    return page(
        request,
        "public/updates.jinja",
        _("You said, we did"),
        updates=updates,
        quotes=quotes,
        words=words,
        format=PUBLIC_FORMATS.get(requested, Format.STANDARD),
        format_written=requested,
    )


PUBLIC_FORMATS = READING_FORMATS
# Other ways people write a format in the address: taken to its page, not "not found".
FORMAT_ALIASES = {
    "braille": "braille-ready",
    "large_print": "large-print",
    "largeprint": "large-print",
    "easy_read": "easy-read",
    "easyread": "easy-read",
}


def _format_written(requested: str) -> str:
    """A format as the address writes it: "Large-Print", "large print", "LARGE_PRINT"
    and "largeprint" are all "large-print"."""
    written = "-".join(requested.lower().replace("_", " ").split())
    return FORMAT_ALIASES.get(written, written)


@require_safe
def show_update(request: HttpRequest, update_id: int) -> HttpResponse:
    """One update, in the format asked for: standard, large print, Easy Read or
    Braille-ready text, with the audio version to listen to where one was made."""
    update = get_object_or_404(Update.objects.select_related("action"), pk=update_id)
    requested = request.GET.get("format", "")
    written = _format_written(requested)
    if written == "audio":
        return redirect(f"{request.path}#listen")
    if written == "standard":
        return redirect(request.path)
    if written in PUBLIC_FORMATS and written != requested:
        return redirect(f"{request.path}?format={written}")
    # A format we do not have (a link mistyped, or cut short) shows the update all the
    # same, in the standard format, saying so. What was asked for is not repeated: a
    # crafted link could make the trust's page say anything (helper-73 put a crisis line's
    # "new number" there).
    unknown_format = bool(requested) and requested not in PUBLIC_FORMATS
    fmt = PUBLIC_FORMATS.get(requested, Format.STANDARD)
    language = translation.get_language() or "en"
    words = delivery.words_for(update, language)
    return page(
        request,
        "public/update.jinja",
        _("You said, we did"),
        update=update,
        unknown_format=unknown_format,
        format_written=requested if requested in PUBLIC_FORMATS else "",
        words=words,
        quotes=published_quotes(update),
        format=fmt,
        formats=PUBLIC_FORMATS,
        easy_read=(
            presenters.easy_read_points(
                formats.easy_read_lines(delivery.said_and_done(update, language, fmt)),
                words.language,
            )
            if fmt == Format.EASY_READ
            else []
        ),
        braille=formats.braille_page(
            words.you_said, words.we_did, words.language, update.action.status
        )
        if fmt == Format.BRAILLE
        else "",
        audio=delivery.audio_path(update, words.language).exists(),
    )


@require_safe
def update_audio(request: HttpRequest, update_id: int, language: str) -> FileResponse:
    """The audio version, made with espeak-ng when the update (or its translation) was
    entered. Only files made then are served: a request never starts one."""
    update = get_object_or_404(Update, pk=update_id)
    path = delivery.audio_path(update, language)
    if language not in {"en", *(t.language for t in update.translations.all())}:
        raise Http404("No audio for this update in that language")
    if not path.exists():
        raise Http404("No audio for this update")
    return FileResponse(path.open("rb"), content_type="audio/wav")
