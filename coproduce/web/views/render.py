from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import BadRequest
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from coproduce.accounts import submissions
from coproduce.accounts.models import User


def page(
    request: HttpRequest, template: str, title: str, status: int = 200, **context: Any
) -> HttpResponse:
    """Render a page; a form with errors is answered 400 so clients see the refusal."""
    form = context.get("summary_form") or context.get("form")
    if form is not None and form.is_bound and form.errors and status == 200:
        status = 400
    opened = request.method == "GET" and template not in KEEP_FEEDBACK_RECEIVED
    if opened and FEEDBACK_RECEIVED in request.session:
        # Another of our pages closes the thank-you page: whoever presses Back to it at a
        # shared computer reads that it has closed, not the last person's (hazard H3).
        del request.session[FEEDBACK_RECEIVED]
    return render(request, template, {"page_title": title, **context}, status=status)


# What the thank-you page shows again on a reload, kept in the session (``public``).
FEEDBACK_RECEIVED = "feedback_received"
FEEDBACK_RECEIVED_TEMPLATE = "public/feedback_received.jinja"
# Opening these leaves it open: itself, and the withdraw page its link opens (helper-74
# followed the link to keep it, and Back found the page, and the link, closed).
KEEP_FEEDBACK_RECEIVED = {FEEDBACK_RECEIVED_TEMPLATE, "public/withdraw.jinja"}


def tagged_pdf(
    request: HttpRequest, template: str, context: dict[str, Any], filename: str
) -> HttpResponse:
    """A page's print template as a tagged PDF (PDF/UA-1) made by WeasyPrint, to download."""
    from weasyprint import HTML  # loaded here: only the PDF views need it

    html = render_to_string(template, {**context, "trust_name": settings.TRUST_NAME}, request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf(
        pdf_variant="pdf/ua-1"
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def posted(request: HttpRequest) -> Any:
    """The submitted data on POST (even if empty, so it is validated), else None."""
    return request.POST if request.method == "POST" else None


def signed_in_user(request: HttpRequest) -> User:
    """The signed-in user of a view guarded by ``@requires`` (which guarantees one)."""
    if not isinstance(request.user, User):
        raise TypeError("signed_in_user needs a view guarded by @requires")
    return request.user


def submission_token(request: HttpRequest) -> str:
    """The one-time token a posted create form carries (drawn into the form by the
    template's ``submission_input()``), for the service to take once
    (``coproduce.accounts.submissions``). A post without one, which no page of ours
    sends, is refused with nothing saved."""
    token = request.POST.get(submissions.FIELD, "")
    if not submissions.TOKEN.fullmatch(token):
        raise BadRequest("A create form was posted without its one-time token.")
    return token


# Rows a long list shows a page, so a page stays readable on a phone (issue 21's seventh
# trial found the network 38,834 px tall at 390 px, and the outbox 35,977 px).
ROWS_A_PAGE = 50


def paged(request: HttpRequest, rows: Any, per_page: int = ROWS_A_PAGE) -> dict[str, Any]:
    """One page of ``rows`` (``?page=``), as ``shown`` (Django's Page) and ``page_links``
    to the pages before and after, keeping the other choices in the address."""
    shown = Paginator(rows, per_page).get_page(request.GET.get("page", "1"))
    links = {}
    for name, has, number in [
        ("previous", shown.has_previous, shown.previous_page_number),
        ("next", shown.has_next, shown.next_page_number),
    ]:
        if has():
            params = request.GET.copy()
            params["page"] = str(number())
            links[name] = f"?{params.urlencode()}"
    return {"shown": shown, "page_links": links}
