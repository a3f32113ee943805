"""The story of an improvement project told back (issue 23, item 8): close the project,
draft its "you said, we did" update, and hand it to the change loop's own preview and
confirmation, so nothing goes out that a lived experience lead has not read."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from coproduce.accounts import audit
from coproduce.accounts.models import AuditEvent
from coproduce.accounts.policy import Capability, can, requires
from coproduce.change import presenters
from coproduce.change import services as change
from coproduce.change.forms import ConfirmUpdateForm, UpdateForm
from coproduce.improvement import story
from coproduce.improvement.models import Project
from coproduce.improvement.services import may_change
from coproduce.lib.forms import PlainWordsForm
from coproduce.web.views.render import page, signed_in_user

CLOSE = "close"
PREVIEW = "preview"


class CloseForm(PlainWordsForm):
    status = forms.ChoiceField(
        choices=[(s.value, s.label) for s in story.CLOSING],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether the change was adopted or the project ended"},
    )
    because = forms.CharField(
        max_length=2000,
        widget=forms.Textarea,
        error_messages={"required": "Say what changed, or why the project ended without a change"},
    )


def _project_address(project: Project) -> str:
    return reverse("show_project", args=[project.pk])


@requires(Capability.VIEW_IMPROVEMENT)
@require_http_methods(["GET", "POST"])
def project_story(request: HttpRequest, project_id: int) -> HttpResponse:
    """The project's story: close it (its team), then the draft update, edited and
    previewed here exactly as the change loop previews every update; confirming it
    publishes through the change loop's own page (``publish_update``)."""
    user = signed_in_user(request)
    project = get_object_or_404(Project.objects.select_related("told_through"), pk=project_id)
    step = request.POST.get("step", "") if request.method == "POST" else ""
    close_form = CloseForm(request.POST if step == CLOSE else None)
    draft = story.draft_story(project) if story.may_tell(project) else None
    words = UpdateForm(
        request.POST if step == PREVIEW else None,
        initial={"you_said": draft.you_said, "we_did": draft.we_did} if draft else None,
    )
    if step == CLOSE:
        if not may_change(user, project):
            raise PermissionDenied("Only the project's team can close it.")
        if close_form.is_valid():
            try:
                project = story.close_project(user, project, **close_form.cleaned_data)
            except ValidationError as error:
                for field, errors in error.message_dict.items():
                    for message in errors:
                        close_form.add_error(field if field in close_form.fields else None, message)
            else:
                messages.success(
                    request,
                    f"The project is closed: {project.get_status_display().lower()}. Its "
                    "story is drafted below, ready to be told.",
                )
                return redirect("project_story", project_id=project.pk)
    elif step == PREVIEW:
        if draft is None:
            raise PermissionDenied("There is no story to tell yet.")
        if not can(user, Capability.PUBLISH_UPDATES):
            raise PermissionDenied("Only a lived experience lead publishes updates.")
        if words.is_valid():
            action = story.action_to_tell_through(user, project)
            preview = change.preview_update(user, action, **words.cleaned_data)
            return page(
                request,
                "change/preview_update.jinja",
                "Check the update before it is published",
                form=words,
                confirm=ConfirmUpdateForm(),
                action=action,
                preview=preview,
                public=presenters.public_versions(
                    preview.you_said, preview.we_did, preview.easy_read, status=action.status
                ),
                quotes=preview.quotes,
                copies=[presenters.contributor_version(copy) for copy in preview.copies],
            )
    audit.record(user, AuditEvent.Action.VIEWED, project, "story")
    return page(
        request,
        "improvement/story.jinja",
        f"The story of {project.title}",
        summary_form=close_form if step == CLOSE else words,
        project=project,
        project_address=_project_address(project),
        draft=draft,
        close_form=close_form,
        words=words,
        may_close=may_change(user, project),
        may_publish=can(user, Capability.PUBLISH_UPDATES),
        may_see_action=can(user, Capability.MANAGE_CHANGE),
        telling=story.telling(project),
    )
