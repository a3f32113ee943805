"""Candidate themes: group voices not yet categorised into clusters a lead can read.

Each theme is named by the phrases that most set it apart from the other themes
(class-based TF-IDF: the voices of a theme read as one document, against the others),
and shown with its most typical voices (those nearest its centre). A phrase is one to
three words that stand next to each other in what people wrote, with no stop-word and
no word twice, so a name is words a person would say ("call back, crisis line"), never
a machine's ("knew agreed knew"). A lived experience lead turns a theme into an insight
with one click; nothing is decided by the clustering itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer, TfidfVectorizer

from coproduce.voices.models import Voice
from coproduce.voices.text.words import once_each, words

SEED = 2026
# Themes shown in full on the page; smaller ones are listed after them.
MOST_THEMES = 8
# The most groups tried: one per four voices, up to this many.
MOST_GROUPS = 24
VOICES_PER_GROUP = 4
FEWEST_VOICES = 6
# Phrases in a theme's name, and in its list of key phrases.
NAME_PHRASES = 3
KEY_PHRASES = 6
TYPICAL_QUOTES = 3
LONGEST_PHRASE = 3
# A theme's heading: a clause of a typical voice, cut at this many words.
TITLE_WORDS = 12
CLAUSE = re.compile(r"[^.!?;:,\n]+")
# Words too common in feedback about any service to name a theme by, beside English
# stop-words; and contractions' pieces that the word pattern leaves behind.
FEEDBACK_WORDS = frozenset(
    {"just", "really", "got", "get", "did", "didn", "don", "doesn", "wasn", "isn", "couldn"}
    | {"ve", "ll", "re", "im", "ive", "dont", "didnt", "wasnt", "couldnt", "said", "told"}
    | {"like", "meant", "came", "went", "saw", "time", "day", "way", "thing", "things", "lot"}
)
# scikit-learn's English list also holds words that carry meaning in feedback about
# crisis care ("call back", "the system", "a fire"): kept as words that may name a theme.
MEANINGFUL = frozenset(
    {"call", "back", "system", "fire", "bill", "empty", "full", "move", "cry", "serious"}
)
STOP_WORDS = (frozenset(ENGLISH_STOP_WORDS) - MEANINGFUL) | FEEDBACK_WORDS
# The mark the demo's and the tests' synthetic voices begin with, "(Synthetic history)":
# not what anyone said, so never a theme's phrase or heading (helper-73 found every demo
# theme headed and set apart by it).
SYNTHETIC_MARK = re.compile(r"^\s*\(Synthetic[^)]*\)\s*", re.IGNORECASE)


def spoken(voice: Voice) -> str:
    """A voice's words as grouped into themes."""
    return SYNTHETIC_MARK.sub("", voice.text)


@dataclass
class Theme:
    number: int
    key_phrases: list[str]
    representatives: list[Voice]
    voices: list[Voice]

    @property
    def size(self) -> int:
        return len(self.voices)

    @property
    def at_risk_count(self) -> int:
        return len(self.at_risk)

    @property
    def at_risk(self) -> list[Voice]:
        """Its voices under a risk alert (``VoiceQuerySet.with_risk_marks``), to be marked."""
        return [v for v in self.voices if getattr(v, "has_risk_alert", False)]

    @property
    def at_risk_shown(self) -> list[Voice]:
        """Its voices under a risk alert to show beside its typical ones: the same words
        once (helper-74 read one message twice, sent in two languages' pages)."""
        typical = {" ".join(words(v.text)) for v in self.representatives}
        shown = [v for v, _ in once_each(self.at_risk)]
        return [v for v in shown if " ".join(words(v.text)) not in typical]

    @property
    def name(self) -> str:
        """The theme's name: its most distinctive phrases, the first capitalised."""
        text = ", ".join(self.key_phrases[:NAME_PHRASES])
        return text[:1].upper() + text[1:]

    @property
    def title(self) -> str:
        """The theme's heading in people's own words: the clause of one of its typical
        voices that says most of its name's phrases ("I left with a plan I had agreed
        to" for "Agreed, knew, left"), quoted; never from a voice under a risk alert.
        Its name where no clause says any of them (found by issue 21's trials: a list of
        words read as a machine's label)."""
        clauses: list[tuple[tuple[int, bool, bool, int], str]] = []
        for voice in self.representatives:
            if getattr(voice, "has_risk_alert", False):
                continue
            for found in CLAUSE.findall(spoken(voice)):
                clause = " ".join(found.split())
                length = len(clause.split())
                said = [p for p in self.key_phrases[:NAME_PHRASES] if says(clause, p)]
                if length >= 3 and said:
                    # Most phrases said; then the first phrase; then a clause short
                    # enough to read at a glance; then the shortest.
                    first = self.key_phrases[0] in said
                    clauses.append(((-len(said), not first, length > TITLE_WORDS, length), clause))
        if not clauses:
            return self.name
        clause = min(clauses)[1]
        if len(clause.split()) > TITLE_WORDS:
            clause = " ".join(clause.split()[:TITLE_WORDS]) + "…"
        return f"“{clause[:1].upper()}{clause[1:]}”"


def says(text: str, phrase: str) -> bool:
    """Whether a text has the phrase as whole words, next to each other."""
    return f" {phrase} " in f" {' '.join(words(text))} "


def phrases(text: str) -> list[str]:
    """The phrases of one to three neighbouring words in a text that have no stop-word and
    no word twice (so never across a removed stop-word: "I knew and agreed" gives "knew"
    and "agreed", never "knew agreed")."""
    found = []
    tokens = words(text)
    for start in range(len(tokens)):
        for length in range(1, LONGEST_PHRASE + 1):
            run = tokens[start : start + length]
            if len(run) < length or run[-1] in STOP_WORDS or len(run[-1]) < 2:
                break
            if len(set(run)) < length:
                break
            found.append(" ".join(run))
    return found


def distinctive_phrases(documents: Sequence[Sequence[str]]) -> list[list[str]]:
    """For each theme (its voices' texts), its phrases from most to least distinctive by
    class-based TF-IDF: a phrase's share of the theme's phrases, weighted by how few
    themes use it. Only phrases used in at least two of a theme's voices are kept (where
    a theme has that many), so a name is never one person's words alone."""
    joined = ["\n".join(texts) for texts in documents]
    counter = CountVectorizer(analyzer=phrases, lowercase=False)
    counts = counter.fit_transform(joined).toarray().astype(float)
    terms = counter.get_feature_names_out()
    per_theme = counts / np.maximum(counts.sum(axis=1, keepdims=True), 1)
    average_words = counts.sum() / len(joined)
    weight = np.log(1 + average_words / np.maximum(counts.sum(axis=0), 1))
    scores = per_theme * weight
    # Longer phrases say more than their single words: prefer them a little.
    lengths = np.array([len(t.split()) for t in terms])
    scores = scores * (1 + 0.25 * (lengths - 1))
    ranked: list[list[str]] = []
    column = {t: i for i, t in enumerate(terms)}
    for number, texts in enumerate(documents):
        voices_using = np.zeros(len(terms))
        for text in texts:
            for phrase in set(phrases(text)):
                voices_using[column[phrase]] += 1
        enough = voices_using >= min(2, len(texts))
        order = np.argsort(-scores[number], kind="stable")
        ranked.append([str(terms[i]) for i in order if enough[i] and scores[number][i] > 0])
    return ranked


def name_phrases(ranked: list[str], limit: int) -> list[str]:
    """The best phrases that share no word with a better one: no word is said twice."""
    chosen: list[str] = []
    used: set[str] = set()
    for phrase in ranked:
        parts = set(phrase.split())
        if parts & used:
            continue
        chosen.append(phrase)
        used |= parts
        if len(chosen) == limit:
            break
    return chosen


def typical(members: list[int], distances: np.ndarray, voices: list[Voice], top: str) -> list[int]:
    """The voices nearest the theme's centre, each different and none under a risk alert
    (those are shown apart, marked); if none of them says the theme's first phrase, the
    nearest one that does takes the last place, so the name can be read in the quotes
    beside it."""
    nearest, seen = [], set()
    for i in np.argsort(distances, kind="stable"):
        if getattr(voices[members[i]], "has_risk_alert", False):
            # A person's risk is not typical feedback: shown apart, marked (issue 21's
            # eighth trial found three of a theme's four typical voices at risk).
            continue
        text = " ".join(words(voices[members[i]].text))
        if text not in seen:  # the same words given twice are shown once
            seen.add(text)
            nearest.append(members[i])
    shown = nearest[:TYPICAL_QUOTES]
    if top and not any(says(voices[i].text, top) for i in shown):
        saying = [i for i in nearest if says(voices[i].text, top)]
        if saying:
            shown = shown[: TYPICAL_QUOTES - 1] + saying[:1]
    return shown


def _grouping(x: Any) -> KMeans:
    """k-means with one group for every four voices, up to ``MOST_GROUPS`` and never more
    groups than different texts. A fixed eight forced unlike voices together: the demo's
    29 kinds of comment gave one "theme" of 19 of them on different topics. (Choosing
    the number by the silhouette was tried: on the demo and on real NHS comments it
    always chose the most groups tried, so it is not done.)"""
    rows = x.shape[0]
    distinct = len({tuple(row.indices) for row in x})
    k = max(2, min(MOST_GROUPS, rows // VOICES_PER_GROUP, distinct))
    return KMeans(n_clusters=k, n_init=10, random_state=SEED).fit(x)


def candidate_themes(voices: list[Voice]) -> list[Theme]:
    """Themes among these voices (with text), largest first; none if there are too few."""
    voices = [v for v in voices if len(v.text.split()) >= 3]
    if len(voices) < FEWEST_VOICES:
        return []
    vectoriser = TfidfVectorizer(
        ngram_range=(1, 2), stop_words="english", min_df=2, max_df=0.5, sublinear_tf=True
    )
    try:
        x = vectoriser.fit_transform([spoken(v) for v in voices])
    except ValueError:  # nothing left after stop words: no themes to find
        return []
    clustering = _grouping(x)
    k = clustering.n_clusters
    numbers = [n for n in range(k) if np.count_nonzero(clustering.labels_ == n) >= 2]
    groups = [[int(i) for i in np.flatnonzero(clustering.labels_ == n)] for n in numbers]
    if not groups:
        return []
    ranked = distinctive_phrases([[spoken(voices[i]) for i in members] for members in groups])
    themes = []
    for number, members, theme_phrases in zip(numbers, groups, ranked, strict=True):
        centre = clustering.cluster_centers_[number]
        distances = ((x[members].toarray() - centre) ** 2).sum(axis=1)
        key_phrases = name_phrases(theme_phrases, KEY_PHRASES)
        top = key_phrases[0] if key_phrases else ""
        themes.append(
            Theme(
                number=number,
                key_phrases=key_phrases,
                representatives=[voices[i] for i in typical(members, distances, voices, top)],
                voices=[voices[i] for i in members],
            )
        )
    return sorted(themes, key=lambda t: -len(t.voices))
