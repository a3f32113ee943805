"""The words of every message Coproduce sends, in the receiver's language.

Kept here, not in Notify's templates, so they are tested and translated with the rest
(ADR 0006). Messages to the public carry no names and no clinical detail: a text
message can be read by whoever holds the phone.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Wording:
    subject: str
    body: str


def crisis_contacts() -> str:
    return _(
        "If you need help now: call NHS 111 and choose option 2 for mental health, or "
        "Samaritans free on 116 123, any time. Our crisis line: {line}. "
        "In an emergency, or if your life is at risk, call 999."
    ).format(line=settings.LOCAL_CRISIS_LINE)


# helper-85 told us of an overdose taken an hour before: 999 came fourth, "in an
# emergency". First on the page and in the reply to a message at risk.
OVERDOSE = (
    "If you have taken an overdose or hurt yourself, call %(number)s or go to A&E now, "
    "even if you feel well."
)


def overdose_advice() -> str:
    return _(OVERDOSE) % {"number": "999"}


def crisis_reply(language: str) -> Wording:
    with translation.override(language):
        return Wording(
            subject=_("We have your message"),
            body=_(
                "Thank you for your message. It sounds like things are very hard. "
                "Our crisis team has been told."
            )
            + " "
            + overdose_advice()
            + " "
            + crisis_contacts()
            # As the page after the web form says (a fresh-eyes trial: a child disclosing
            # abuse by text was given adult numbers only).
            + " "
            + _("If you are under 19, call Childline free on %(number)s, any time.")
            % {"number": "0800 1111"},
        )


def thanks_reply(language: str) -> Wording:
    with translation.override(language):
        return Wording(
            subject=_("Thank you for your feedback"),
            body=_(
                "Thank you for your feedback. People with lived experience read it with our "
                "staff, and it shapes what we change. {contacts}"
            ).format(contacts=crisis_contacts()),
        )


def duty_alert(alert_id: int, concerns: list[str], escalation: bool = False) -> Wording:
    # To staff: no words from the voice, only that there is one and where to read it.
    url = f"{settings.PUBLIC_BASE_URL}/alerts"
    what = " and ".join(concerns).lower()
    if escalation:
        return Wording(
            subject=f"ESCALATED: risk alert {alert_id} not acknowledged",
            body=(
                f"Risk alert {alert_id} ({what}) has not been acknowledged in "
                f"{settings.RISK_ALERT_ESCALATE_MINUTES} minutes. Act now: {url}"
            ),
        )
    return Wording(
        subject=f"Risk alert {alert_id}: feedback needs the duty team",
        body=f"New risk alert {alert_id} ({what}) from feedback. Read and act: {url}",
    )


def duty_call_back(call_id: int, *, reachable: bool = True) -> Wording:
    # To staff: a caller at risk hung up. No name, number or words: where to read only.
    url = f"{settings.PUBLIC_BASE_URL}/worklist"
    if not reachable:
        # Not "Call back" (a fresh-eyes trial): nobody can.
        return Wording(
            subject=f"Call {call_id}: a caller at risk hung up and left no number",
            body=f"A caller at risk hung up on the line (call {call_id}) and left no number "
            f"to call back. Read the call and note what was done: {url}",
        )
    return Wording(
        subject=f"Call {call_id}: a caller at risk hung up",
        body=f"A caller at risk hung up on the line (call {call_id}). Call back: {url}",
    )


def duty_passed_call(passed_id: int, passed_by: str) -> Wording:
    # To staff: a call passed to the line may be at risk. Where to read only.
    url = f"{settings.PUBLIC_BASE_URL}/line"
    return Wording(
        subject=f"Passed call {passed_id} may be at risk: take it now",
        body=f"{passed_by} passed a call to the line that may be at risk "
        f"(passed call {passed_id}). Take it: {url}",
    )


def follow_up(language: str, signed_by: str, link: str, opt_out: str, reminder: bool) -> Wording:
    with translation.override(language):
        opening = (
            _("A reminder: we would still like to hear how your care was.")
            if reminder
            else _("You were with our crisis service recently. We would like to hear how it was.")
        )
        return Wording(
            subject=_("How was your care?"),
            body=_(
                "{opening} It takes 2 minutes and you can stay anonymous: {link} "
                "To stop these messages: {opt_out} From {signed_by}"
            ).format(opening=opening, link=link, opt_out=opt_out, signed_by=signed_by),
        )


def how_was_it(language: str, *, visit: bool, signed_by: str) -> Wording:
    """The one question after a call to the line or an evening at the Sanctuary, asked
    with the person's agreement: the Friends and Family Test's five answers, by their
    codes (1 very good to 5 very poor), or their own words. Like the follow-up invitation
    it names no condition and is signed with the team's name."""
    with translation.override(language):
        opening = (
            _("Thank you for coming to see us.") if visit else _("Thank you for talking with us.")
        )
        return Wording(
            subject=_("How was it for you?"),
            body=_(
                "{opening} How was it for you? Reply with a number: 1 very good, 2 good, "
                "3 neither good nor poor, 4 poor, 5 very poor. Or reply in your own words. "
                "To stop texts about it, reply STOP. From {signed_by}"
            ).format(opening=opening, signed_by=signed_by),
        )


def you_said_we_did(
    language: str,
    you_said: str,
    we_did: str,
    link: str,
    stop: str,
    signed_by: str,
    status: str = "done",
) -> Wording:
    """A "you said, we did" message: the words, where to read more, how to stop these
    messages, and who sent them (the trust: never a service's name, which could tell
    whoever reads the phone that its owner used a crisis service). What was done is
    labelled as the action's ``status`` is: a plan is not told as done."""
    with translation.override(language):
        if status == "planned":
            said = _("You said: {you_said} What we plan to do: {we_did} More: {link}")
        elif status == "in_progress":
            said = _("You said: {you_said} What we are doing: {we_did} More: {link}")
        else:
            said = _("You said: {you_said} We did: {we_did} More: {link}")
        said = said.format(you_said=you_said, we_did=we_did, link=link)
        return Wording(
            subject=_("You said, we did"),
            body=f"{said} {stop_and_sender(language, stop, signed_by)}",
        )


def stop_and_sender(language: str, stop: str, signed_by: str) -> str:
    """The end of every "you said, we did" message, in every format."""
    with translation.override(language):
        return _("From {signed_by}. To stop these messages: {stop}").format(
            stop=stop, signed_by=signed_by
        )
