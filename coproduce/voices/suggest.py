"""Suggest a voice's enquiry categories and sentiment, for a person to confirm.

A simple rule until the text model (issue 5): a category is suggested when one of its
words appears in the text; sentiment follows the Friends and Family Test answer when
there is one, else a few plain words. Suggestions never stand on their own: a voice
counts as reviewed only when a person confirms (see ``services.confirm``).
"""

from __future__ import annotations

import re

from coproduce.voices.models import EnquiryCategory, Rating, Sentiment, Voice

_POSITIVE = re.compile(
    r"\b(thank|thanks|grateful|helpful|kind|brilliant|excellent|amazing|great|"
    r"listened|supportive|saved my life)\b",
    re.IGNORECASE,
)
_NEGATIVE = re.compile(
    r"\b(rude|ignored|dismissed|terrible|awful|poor|waited|waiting|never|nobody|"
    r"no one|worse|useless|unhelpful|let down)\b",
    re.IGNORECASE,
)


def _words(category: EnquiryCategory) -> list[str]:
    return [w.strip().lower() for w in category.keywords.split(",") if w.strip()]


def categories_for(text: str, categories: list[EnquiryCategory]) -> list[EnquiryCategory]:
    lowered = " ".join(text.lower().replace("\u2019", "'").split())
    found = []
    for category in categories:
        for word in _words(category):
            if re.search(rf"\b{re.escape(word)}", lowered):
                found.append(category)
                break
    return found


def sentiment_for(text: str, rating: int | None) -> str:
    if rating in (Rating.VERY_GOOD, Rating.GOOD):
        return Sentiment.POSITIVE
    if rating in (Rating.POOR, Rating.VERY_POOR):
        return Sentiment.NEGATIVE
    if rating == Rating.NEITHER:
        return Sentiment.NEUTRAL
    positive = len(_POSITIVE.findall(text))
    negative = len(_NEGATIVE.findall(text))
    if positive > negative:
        return Sentiment.POSITIVE
    if negative > positive:
        return Sentiment.NEGATIVE
    return Sentiment.NEUTRAL if text.strip() else ""


def suggest(voice: Voice) -> Voice:
    active = list(EnquiryCategory.objects.filter(active=True).exclude(keywords=""))
    voice.suggested_categories.set(categories_for(voice.text, active))
    voice.suggested_sentiment = sentiment_for(voice.text, voice.rating)
    voice.save(update_fields=["suggested_sentiment"])
    return voice
