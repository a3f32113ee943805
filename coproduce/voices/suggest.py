"""Suggest a voice's enquiry categories and sentiment, for a person to confirm.

With a trained text model (``coproduce text train``), the NHS England v6 categories and
the sentiment come from it, each category with how sure it is; seed 003's local
categories, which the model does not know, come from their words. Without a model, a
simple rule suggests them all: a category when one of its words appears in the text.
Sentiment is what the words say: the model's reading of them. The person's own Friends
and Family Test answer rates the service, not their words ("Very good" beside a
complaint about parking), and matched the coders' sentiment of the comment far less
well than the model (docs/benchmarks.md): it is suggested only where there is no model
or the model could not read the words.
Suggestions never stand on their own: a voice counts as reviewed only when a person
confirms (see ``services.confirm``). Risk overrides them: a voice that raised a risk or
safeguarding alert is never suggested as positive or neutral, nor as "Feeling safe" or
gratitude, whatever the model thought.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from coproduce.voices.models import EnquiryCategory, Rating, RiskAlert, Sentiment, Voice

if TYPE_CHECKING:
    from coproduce.voices.text.model import TextModel

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


NOT_RECOGNISED = (
    "The text model did not recognise enough of these words to suggest categories: it may "
    "not be in English, or it is only symbols or emoji. Read it and choose yourself."
)
AT_RISK = (
    "This voice raised a risk or safeguarding alert, so it is suggested as negative and "
    "never as feeling safe or positive, whatever the text model thought."
)
COULD_NOT_READ = (
    "The risk screen could not read this voice's language, so nothing is suggested about "
    "how it feels: read it, have it translated if need be, and choose yourself."
)
# Categories that would read as reassurance beside a message signalling risk.
_REASSURING = frozenset({"Feeling safe", "Positive experience & gratitude"})
READ_IN_PART = (
    "The text is long: the text model read its first {limit:,} characters only. The whole "
    "text is kept."
)


def from_model(
    model: TextModel, text: str, active: list[EnquiryCategory]
) -> tuple[dict[EnquiryCategory, float], str, str]:
    """Categories with how sure the model is, sentiment, and a note when it held back."""
    from coproduce.voices.text.model import MAX_CHARACTERS

    by_label = {c.source_label: c for c in active if c.source_label}
    probabilities = model.category_probabilities([text])
    # The model's own choice (each label's threshold, and its likeliest for a comment
    # none reached), as the benchmark measured it.
    picked = model.categories_from(probabilities)[0]
    chosen = {
        by_label[label]: round(float(p), 2)
        for label, p, keep in zip(model.labels, probabilities[0], picked, strict=True)
        if label in by_label and keep
    }
    if model.abstains([text])[0]:
        return chosen, "", NOT_RECOGNISED
    note = READ_IN_PART.format(limit=MAX_CHARACTERS) if len(text) > MAX_CHARACTERS else ""
    return chosen, model.predict_sentiment3([text])[0], note


def suggest(voice: Voice) -> Voice:
    # Imported here: scikit-learn loads only where a model is used.
    from coproduce.voices.categories import framework_for
    from coproduce.voices.text import default

    # The service's framework only: a voice is never suggested another's categories
    # (found by issue 21's fresh-eyes trial: v6 and local suggestions side by side).
    active = list(EnquiryCategory.objects.filter(active=True, framework=framework_for(voice.team)))
    model = default.current() if voice.text.strip() else None
    if model is None:
        chosen = categories_for(voice.text, [c for c in active if c.keywords])
        scores: dict[str, float] = {}
        sentiment = sentiment_for(voice.text, voice.rating)
        note = ""
    else:
        found, said, note = from_model(model, voice.text, active)
        local = [c for c in active if c.keywords and not c.source_label]
        chosen = [*found, *categories_for(voice.text, local)]
        scores = {c.name: p for c, p in found.items()}
        sentiment = said or sentiment_for("", voice.rating)
    alert = RiskAlert.objects.filter(voice=voice).only("concerns").first()
    if alert is not None and alert.concerns == [RiskAlert.Concern.COULD_NOT_SCREEN]:
        # Nobody has read it yet: no sentiment is suggested, not even from the rating.
        sentiment = ""
        note = COULD_NOT_READ
    elif alert is not None:
        chosen = [
            c for c in chosen if c.source_label not in _REASSURING and c.name not in _REASSURING
        ]
        scores = {name: p for name, p in scores.items() if name not in _REASSURING}
        sentiment = Sentiment.NEGATIVE
        note = AT_RISK
    voice.suggested_categories.set(chosen)
    voice.suggested_scores = scores
    voice.suggested_sentiment = sentiment
    voice.suggestion_note = note
    voice.save(update_fields=["suggested_sentiment", "suggested_scores", "suggestion_note"])
    return voice
