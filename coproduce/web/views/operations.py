"""For the people who run the service: is it alive, is it ready, and its metrics."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from prometheus_client import CONTENT_TYPE_LATEST

from coproduce.web import monitoring


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """Alive: this process answers. It asks nothing of the database, so a monitor that
    restarts what is not alive never restarts the service for the database's fault (the
    service then answers every page with the crisis numbers: /readyz says why)."""
    return JsonResponse({"status": "alive"})


@never_cache
@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    """Ready to serve people: 200, or 503 with each check and what it found."""
    checks = monitoring.readiness()
    ready = all(check.ok for check in checks.values())
    response = JsonResponse(
        {
            "status": "ready" if ready else "unready",
            "checks": {
                name: {"ok": check.ok, "detail": check.detail} for name, check in checks.items()
            },
        },
        status=200 if ready else 503,
    )
    # Logged once, at INFO, by the request line: an unready service is a state the
    # monitoring reports, not an error for every probe to write to the error log.
    response._has_been_logged = True  # type: ignore[attr-defined]
    return response


@never_cache
@require_safe
def metrics(request: HttpRequest) -> HttpResponse:
    """Prometheus's text format, to the monitoring addresses only."""
    if not monitoring.may_scrape(request.META.get("REMOTE_ADDR")):
        return HttpResponse(
            "Metrics are given only to the service's monitoring addresses.\n",
            status=403,
            content_type="text/plain; charset=utf-8",
        )
    return HttpResponse(monitoring.exposition(), content_type=CONTENT_TYPE_LATEST)
