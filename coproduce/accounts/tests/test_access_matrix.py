"""The access control matrix: every address the service answers, asked by every role and
by someone not signed in, against the one declared policy (``accounts.policy.POLICY``).

Each address says what guards it: public, a capability of the policy, any signed-in
user, Notify's bearer token, or the admin site (administrators only). The matrix is
walked from the URL configuration itself, so an address added without a declared guard,
or without an example address here, fails the test.
"""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.permissions import AllowAny

from coproduce.accounts.models import AuditEvent, Role, User
from coproduce.accounts.policy import ADDRESSES, POLICY, Capability, Open
from coproduce.change import delivery
from coproduce.change.models import Update
from coproduce.conftest import CheckedClient
from coproduce.improvement.models import Project
from coproduce.network.models import Attendance, MeetingPaper, Member
from coproduce.tooling.testing.factories import PersonFactory
from coproduce.tooling.testing.pages import pages_by_role
from coproduce.voices.models import RiskAlert, Voice

ROLES = {
    None: None,
    "practitioner": Role.PRACTITIONER,
    "support.worker": Role.SUPPORT_WORKER,
    "team.leader": Role.TEAM_LEADER,
    "le.lead": Role.LIVED_EXPERIENCE_LEAD,
    "member": Role.NETWORK_MEMBER,
    "analyst": Role.ANALYST,
    "admin": Role.ADMINISTRATOR,
}
NOTIFY_CALLBACKS = {name for name, guard in ADDRESSES.items() if guard is Open.NOTIFY}


def allows(guard: Capability | Open, role: Role | None) -> bool:
    """What the declared policy says: may this role use an address with this guard?"""
    if guard is Open.PUBLIC:
        return True
    if guard is Open.MONITORING:  # the test client asks from 127.0.0.1, a monitoring address
        return True
    if role is None or guard is Open.NOTIFY:
        return False
    if guard is Open.ADMIN:
        return role == Role.ADMINISTRATOR
    if guard is Open.SIGNED_IN:
        return True
    return role in POLICY[guard]


def guard_in_code(name: str, callback: object) -> Capability | Open | None:
    """The capability a view or endpoint names in its own code, if it names one."""
    if hasattr(callback, "capability"):
        return callback.capability
    view_class = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    classes = getattr(view_class, "permission_classes", None)
    if classes is None:
        return None
    named = {c.capability for c in classes if hasattr(c, "capability")}
    if named:
        (capability,) = named
        return capability
    return Open.PUBLIC if classes == [] or AllowAny in classes else None


def named_addresses():
    """(name, callback) of every named address, the admin site's as one."""
    found = {}

    def walk(patterns, in_admin):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, in_admin or pattern.app_name == "admin")
            elif isinstance(pattern, URLPattern) and pattern.name:
                found["admin" if in_admin else pattern.name] = pattern.callback

    walk(get_resolver().url_patterns, in_admin=False)
    return found


def example_paths():
    update = Update.objects.all()[0]
    # A preview's audio, as the task makes it when the lead previews an update.
    previewed = "0" * 64
    delivery.preview_audio_path(previewed).parent.mkdir(parents=True, exist_ok=True)
    delivery.preview_audio_path(previewed).write_bytes(b"RIFF")
    voice = Voice.objects.all()[0]
    alert = RiskAlert.objects.order_by("pk")[0]
    project = Project.objects.order_by("pk")[0]
    paths = {name: path for pages in pages_by_role().values() for name, path in pages.items()}
    person_id = paths["show_person"].rsplit("/", 1)[1]
    paths.update(
        {
            "healthz": "/healthz",
            "readyz": "/readyz",
            "metrics": "/metrics",
            "enter_code": "/sign-in/code",
            "sso_start": "/sso/start",
            "sso_callback": "/sso/callback",
            "set_up_code": "/sign-in/set-up",
            "sign_out": "/sign-out",
            "add_voice_to_insight": f"/voices/{voice.pk}/insight",
            "approve_quote": f"/voices/{voice.pk}/quote",
            "update_audio": f"/you-said-we-did/{update.pk}/audio/en",
            "preview_update_audio": f"/actions/{update.action_id}/update/preview/{previewed}/audio",
            "export_claims": "/payments/export.csv",
            "accept_agreement": "/network/me/agreement",
            "story_pdf": "/story.pdf",
            "change_report_pdf": "/evidence/change.pdf",
            "evidence_csv": "/evidence/experience.csv",
            "fix_chart_limits": "/evidence/limits/baseline",
            "remove_chart_baseline": "/evidence/limits/baseline/1/remove",
            "api_schema": "/api/schema",
            "api_create_voice": "/api/v1/voices",
            "api_create_referral": "/api/v1/referrals",
            "api_list_updates": "/api/v1/updates",
            "api_not_found": "/api/v1/nope",
            "api_experience": "/api/v1/metrics/experience",
            "api_pass_call": "/api/v1/passed-calls",
            "api_improvement_projects": "/api/v1/improvement/projects",
            "api_improvement_project": f"/api/v1/improvement/projects/{project.pk}",
            "api_improvement_measures": f"/api/v1/improvement/projects/{project.pk}/measures",
            "api_improvement_cycles": f"/api/v1/improvement/projects/{project.pk}/cycles",
            "api_improvement_annotations": (
                f"/api/v1/improvement/projects/{project.pk}/annotations"
            ),
            "take_passed_call": "/line/passed/1/take",
            "fhir_metadata": "/fhir/r4/metadata",
            "fhir_read": f"/fhir/r4/Patient/{person_id}",
            "fhir_create": "/fhir/r4/Patient",
            "fhir_not_found": "/fhir/r4/Bundle/1",
            "notify_delivery_receipt": "/notify/receipts",
            "show_alert_contact": f"/alerts/{alert.pk}/contact-details",
            "record_call_back": f"/alerts/{alert.pk}/call-backs",
            "notify_received_text": "/notify/inbound-sms",
            "admin": "/admin/",
            "start_call": "/line/calls",
            "discard_call": "/line/calls/1/discard",
            "read_call_risk": "/line/calls/1/risk-read",
            "show_running_totals": paths["close_round"].replace("/close", "/running-totals"),
        }
    )
    # Issue 23, area C: the measures' forms and buttons (posted only: asked, they say 405).
    measure = paths["show_measure"]
    paths.update(
        {
            "improvement_measure_figure": f"{measure}/figures",
            "improvement_measure_limits": f"{measure}/limits",
            "improvement_remove_limits": f"{measure}/limits/1/remove",
            "improvement_annotate": f"{measure}/notes",
            "improvement_remove_note": f"{measure}/notes/1/remove",
        }
    )
    return paths


def outcome(response) -> str:
    """allowed or denied, as a person at the door would see it."""
    if response.status_code in {401, 403}:
        return "denied"
    if response.status_code in {301, 302} and (
        "/sign-in?next=" in response["Location"] or "/admin/login" in response["Location"]
    ):
        return "denied"
    # 302 elsewhere: e.g. the sign-in page sends someone already signed in home. /readyz
    # answers 503 here, to anyone: the test has no task worker running.
    unready = response.status_code == 503 and response.request["PATH_INFO"] == "/readyz"
    # An address under the FHIR base or the API the server does not offer: let in, then
    # told so.
    not_offered = response.status_code == 404 and response.request["PATH_INFO"] in {
        "/fhir/r4/Bundle/1",
        "/api/v1/nope",
    }
    assert response.status_code in {200, 302, 405} or unready or not_offered, (
        response.request["PATH_INFO"],
        response,
    )
    return "allowed"


@pytest.fixture(scope="module")
def demo_once(demo_in_a_module_transaction, django_db_blocker):
    with django_db_blocker.unblock():
        PersonFactory(given_name="Not", family_name="OnTheCaseload")  # for break-glass
    return demo_in_a_module_transaction


@pytest.fixture
def demo(demo_once, db, settings):
    settings.MEDIA_ROOT = demo_once
    # Single sign-on set up (its addresses answer 404 when it is not).
    settings.OIDC_RP_CLIENT_ID = "coproduce"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = "https://idp.example/authorize"


def test_every_address_is_declared_and_has_an_example(demo):
    assert set(named_addresses()) == set(ADDRESSES) == set(example_paths())


def test_each_view_names_the_capability_the_table_declares():
    declared_in_code = {
        name: guard_in_code(name, callback) for name, callback in named_addresses().items()
    }
    differ = {
        name: (guard, ADDRESSES[name])
        for name, guard in declared_in_code.items()
        if guard is not None and guard != ADDRESSES[name]
    }
    assert differ == {}


def test_every_role_is_allowed_exactly_what_the_policy_says(demo, client):
    """Every address as every role. Whatever beyond the public pages a signed-in person
    is let in to is answered with Cache-Control: no-store, so no browser or cache keeps
    what they were shown."""
    addresses = named_addresses()
    paths = example_paths()
    mismatches = []
    may_be_stored = []
    tried = 0
    for username, role in ROLES.items():
        browser = CheckedClient()
        if username:
            user = User.objects.get(username=username)
            assert user.role == role
            browser.force_login(user)
        for name in sorted(addresses):
            method = browser.post if name in NOTIFY_CALLBACKS else browser.get
            response = method(paths[name])
            got = outcome(response)
            want = "allowed" if allows(ADDRESSES[name], role) else "denied"
            tried += 1
            if got != want:
                mismatches.append(f"{username or 'anonymous'} {name}: {got}, policy says {want}")
            private = ADDRESSES[name] is not Open.PUBLIC
            if username and private and got == "allowed" and not never_stored(response):
                may_be_stored.append(f"{username} {name}")
    assert mismatches == []
    assert may_be_stored == []
    assert tried == len(ROLES) * len(addresses)


def never_stored(response) -> bool:
    directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
    return {"no-store", "private"} <= directives


def test_a_member_sees_only_their_own_network_record(demo, client):
    member_user = User.objects.get(username="member")
    own = Member.objects.get(user=member_user)
    other = Member.objects.exclude(pk=own.pk)[0]
    client.force_login(member_user)
    mine = client.get("/network/me")
    assert mine.status_code == 200
    page = mine.content.decode()
    assert re.search(rf"\b{re.escape(own.display_name)}\b", page)
    assert not re.search(rf"\b{re.escape(other.display_name)}\b", page)
    # Another member's record is for the network's lead only.
    assert client.get(f"/network/members/{other.pk}").status_code == 403
    assert client.get(f"/network/members/{own.pk}").status_code == 403


def test_a_member_reads_only_papers_of_meetings_they_are_invited_to(demo, client):
    member_user = User.objects.get(username="member")
    own = Member.objects.get(user=member_user)
    paper = MeetingPaper.objects.filter(meeting__attendance__member=own)[0]
    client.force_login(member_user)
    assert client.get(f"/meetings/{paper.meeting_id}/papers/{paper.pk}").status_code == 200
    Attendance.objects.filter(meeting=paper.meeting, member=own).delete()
    assert client.get(f"/meetings/{paper.meeting_id}/papers/{paper.pk}").status_code == 403


def test_break_glass_is_audited_and_refusals_are_too(demo, client):
    outsider = PersonFactory(given_name="Also", family_name="Elsewhere")
    practitioner = User.objects.get(username="practitioner")
    client.force_login(practitioner)
    # Refused as not found, so the answer does not confirm the person is known here.
    assert client.get(f"/people/{outsider.pk}").status_code == 404
    refused = AuditEvent.objects.filter(
        actor=practitioner, record_id=str(outsider.pk), action=AuditEvent.Action.REFUSED
    )
    assert refused.count() == 1
    response = client.post(
        f"/people/{outsider.pk}/break-glass",
        {"reason": "Called by A&E: the person is in the department now and at risk"},
    )
    assert response.status_code == 302
    assert AuditEvent.objects.filter(
        actor=practitioner, record_id=str(outsider.pk), action=AuditEvent.Action.BREAK_GLASS
    ).exists()
    assert client.get(f"/people/{outsider.pk}").status_code == 200
