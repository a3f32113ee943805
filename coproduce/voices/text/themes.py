"""Candidate themes: group voices not yet categorised into clusters a lead can read.

Each theme has its key phrases (the terms that most set it apart) and a few
representative voices (those nearest its centre). A lived experience lead turns a theme
into an insight with one click; nothing is decided by the clustering itself.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer

from coproduce.voices.models import Voice

SEED = 2026
MOST_THEMES = 8
FEWEST_VOICES = 6


@dataclass
class Theme:
    number: int
    key_phrases: list[str]
    representatives: list[Voice]
    voices: list[Voice]


def candidate_themes(voices: list[Voice]) -> list[Theme]:
    """Themes among these voices (with text), largest first; none if there are too few."""
    voices = [v for v in voices if len(v.text.split()) >= 3]
    if len(voices) < FEWEST_VOICES:
        return []
    vectoriser = TfidfVectorizer(
        ngram_range=(1, 2), stop_words="english", min_df=2, max_df=0.5, sublinear_tf=True
    )
    try:
        x = vectoriser.fit_transform([v.text for v in voices])
    except ValueError:  # nothing left after stop words: no themes to find
        return []
    k = max(2, min(MOST_THEMES, round(math.sqrt(len(voices) / 2))))
    clustering = KMeans(n_clusters=k, n_init=10, random_state=SEED).fit(x)
    terms = np.array(vectoriser.get_feature_names_out())
    themes = []
    for number in range(k):
        members = np.flatnonzero(clustering.labels_ == number)
        if len(members) < 2:
            continue
        centre = clustering.cluster_centers_[number]
        distances = ((x[members].toarray() - centre) ** 2).sum(axis=1)
        nearest = members[np.argsort(distances)[:3]]
        themes.append(
            Theme(
                number=number,
                key_phrases=[str(t) for t in terms[np.argsort(centre)[::-1][:5]]],
                representatives=[voices[i] for i in nearest],
                voices=[voices[i] for i in members],
            )
        )
    return sorted(themes, key=lambda t: -len(t.voices))
