from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from coproduce.accounts.policy import Capability, requires
from coproduce.change.services import published_updates
from coproduce.network.services import member_for
from coproduce.web.views.render import page, signed_in_user


@requires(Capability.MEMBER_AREA)
@require_GET
def show_member(request: HttpRequest) -> HttpResponse:
    return page(
        request,
        "network/member.jinja",
        "Your network record",
        member=member_for(signed_in_user(request)),
        updates=published_updates()[:5],
    )
