"""The page checks every test's responses go through (``tooling.testing.html``)."""

from __future__ import annotations

import pytest
from django.http import HttpResponse

from coproduce.tooling.testing.html import InvalidPage, check_html


def page(summary_links: list[str]) -> HttpResponse:
    links = "".join(f'<li><a href="#{target}">Fault</a></li>' for target in summary_links)
    return HttpResponse(
        '<!DOCTYPE html><html lang="en-GB"><head><title>A form</title></head><body>'
        '<main id="maincontent"><div class="nhsuk-error-summary" role="alert">'
        f'<ul class="nhsuk-error-summary__list">{links}</ul></div>'
        '<form><input id="id_name"><input id="id_phone"></form></main></body></html>',
        content_type="text/html; charset=utf-8",
    )


def test_an_error_summary_in_the_pages_order_passes():
    check_html(page(["maincontent", "id_name", "id_phone"]))


def test_an_error_summary_out_of_the_pages_order_is_refused():
    with pytest.raises(InvalidPage, match="not in the page's order"):
        check_html(page(["id_phone", "id_name"]))


def test_an_error_summary_linking_to_no_field_is_refused():
    with pytest.raises(InvalidPage, match="ids not on the page"):
        check_html(page(["id_name", "id_nhs_number"]))
