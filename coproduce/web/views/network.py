from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from coproduce.accounts.models import User
from coproduce.accounts.policy import Capability, requires
from coproduce.change.services import published_updates
from coproduce.network.services import member_for
from coproduce.web.views.render import page


@requires(Capability.MEMBER_AREA)
@require_GET
def show_member(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)  # noqa: S101 - guaranteed by @requires
    return page(
        request,
        "network/member.jinja",
        "Your network record",
        member=member_for(request.user),
        updates=published_updates()[:5],
    )
