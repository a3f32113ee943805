from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from coproduce.accounts.policy import Capability, requires
from coproduce.evidence.services import experience_metric
from coproduce.web.views.render import page


@requires(Capability.VIEW_EVIDENCE)
@require_GET
def show_evidence(request: HttpRequest) -> HttpResponse:
    return page(
        request,
        "evidence/evidence.jinja",
        "Evidence",
        experience=experience_metric(),
        threshold=settings.SMALL_NUMBER_THRESHOLD,
    )
