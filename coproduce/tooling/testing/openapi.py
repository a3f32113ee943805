"""Checks every API response in the tests against the project's OpenAPI document."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import jsonschema
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient


@cache
def openapi_document() -> dict[str, Any]:
    document: dict[str, Any] = SchemaGenerator().get_schema(request=None, public=True)
    return document


def check_response(method: str, route: str, status: int, body: Any) -> None:
    document = openapi_document()
    path = "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)
    operation = document["paths"].get(path, {}).get(method.lower())
    if operation is None:
        raise AssertionError(f"{method} {path} is not in the OpenAPI document")
    documented = operation["responses"].get(str(status))
    if documented is None:
        raise AssertionError(f"{method} {path} answered {status}, which is not documented")
    schema = documented.get("content", {}).get("application/json", {}).get("schema")
    if schema is not None:
        jsonschema.validate(
            body,
            {**schema, "components": document["components"]},
            cls=jsonschema.Draft202012Validator,
        )


class CheckedAPIClient(APIClient):
    def request(self, **kwargs: Any) -> Any:
        response = super().request(**kwargs)
        match = response.resolver_match
        if match is not None and match.route.startswith("api/v1/"):
            body = response.json() if response.content else None
            check_response(kwargs["REQUEST_METHOD"], match.route, response.status_code, body)
        return response
