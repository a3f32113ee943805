"""The text model the inbox uses, if one has been trained (settings.TEXT_MODEL_DIR)."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from coproduce.voices.text.model import MODEL_FILE, TextModel

logger = logging.getLogger(__name__)


def current() -> TextModel | None:
    path = Path(settings.TEXT_MODEL_DIR) / MODEL_FILE
    if not path.is_file():
        return None
    return _load(path, path.stat().st_mtime)


@lru_cache(maxsize=2)
def _load(path: Path, modified: float) -> TextModel | None:
    try:
        return TextModel.load(path.parent)
    except (ValueError, OSError, EOFError) as error:
        logger.error(
            "text model at %s cannot be loaded (%s); using rules", path, type(error).__name__
        )
        return None
