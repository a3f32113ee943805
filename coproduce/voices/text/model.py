"""The text model: multi-label categories and sentiment, with calibrated probabilities.

Features are TF-IDF over word 1-2-grams and character 2-5-grams (within words), which
copes with misspellings and short comments. Each category has its own logistic
regression (probabilities, so the inbox can say "suggested, 83%") and its own decision
threshold, chosen on out-of-fold predictions of the training data to balance precision
and recall for that category. Sentiment is one multinomial logistic regression over the
five labelled levels, and one over the three classes (positive 1-2, neutral 3,
negative 4-5), which does better than summing the five.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import joblib
import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import FeatureUnion

from coproduce.voices.text.data import SENTIMENT3

MAX_CHARACTERS = 2000  # Longer comments are cut for the model (the voice keeps its text).
# Below this share of words the model knows, it abstains rather than guess (emoji only,
# another language, a string of nonsense): no suggestion beats a confident wrong one.
MIN_KNOWN_WORDS = 0.3
MODEL_FILE = "text-model.joblib"
# How much the sentence encoder's embedding counts beside the word and character features
# (chosen by the 5-fold cross-validation, docs/benchmarks.md); 0 leaves the encoder out.
SENTENCE_WEIGHT = 1.0
ENCODE_BLOCK = 500  # comments the encoder reads between two words of progress
# Sentence embeddings already computed, by text: the bench and cross-validation encode
# each comment once rather than once per fold (see ``remember_embeddings``).
_KNOWN_EMBEDDINGS: dict[str, np.ndarray] = {}
_LAST_FEATURES: tuple[tuple[int, tuple[str, ...]], sparse.csr_matrix] | None = None


def remember_embeddings(texts: list[str], embeddings: np.ndarray) -> None:
    for text, row in zip(clip(texts), embeddings, strict=True):
        _KNOWN_EMBEDDINGS[text] = row


def forget_embeddings() -> None:
    _KNOWN_EMBEDDINGS.clear()


def training_progress(say: Callable[[str], None]) -> Callable[[int, int], None]:
    """A ``progress`` for ``TextModel.fit`` that says how far training has gone, every
    10% or so, with the time so far (the demo's training and the bench's)."""
    start = time.monotonic()
    said = [-1]

    def tell(done: int, of: int) -> None:
        tenth = done * 10 // of
        if tenth > said[0]:
            said[0] = tenth
            seconds = round(time.monotonic() - start)
            say(f"  {done * 100 // of}% done, {seconds // 60} min {seconds % 60} s so far")

    return tell


def sentence_embeddings(texts: list[str], batch_size: int = 32) -> np.ndarray:
    """all-MiniLM-L6-v2 embeddings (the risk screen's encoder), one row a text.

    Many texts at once (an import, a training) are read by one thread per core, each
    running the encoder on one thread; a few (one voice) by the caller's thread alone."""
    from coproduce.voices.risk.encoder import shared

    texts = clip(texts)
    out = np.zeros((len(texts), 384), dtype=np.float32)
    unknown = [i for i, t in enumerate(texts) if t not in _KNOWN_EMBEDDINGS]
    for i, t in enumerate(texts):
        if t in _KNOWN_EMBEDDINGS:
            out[i] = _KNOWN_EMBEDDINGS[t]
    if not unknown:
        return out
    encoder = shared()
    workers = min(os.cpu_count() or 1, 4) if len(unknown) >= 4 * batch_size else 1
    if workers == 1:
        out[unknown] = encoder.encode([texts[i] for i in unknown], batch_size=batch_size)
        return out
    # Interleaved shares, so each thread gets short and long comments alike.
    shares = [unknown[w::workers] for w in range(workers)]
    with ThreadPoolExecutor(workers) as pool:
        done = pool.map(
            lambda share: encoder.encode([texts[i] for i in share], batch_size=batch_size),
            shares,
        )
        for share, rows in zip(shares, done, strict=True):
            out[share] = rows
    return out


def features() -> FeatureUnion:
    return FeatureUnion(
        [
            (
                "words",
                TfidfVectorizer(
                    ngram_range=(1, 2), min_df=2, sublinear_tf=True, strip_accents="unicode"
                ),
            ),
            (
                "characters",
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(2, 5), min_df=3, sublinear_tf=True
                ),
            ),
        ]
    )


def clip(texts: list[str]) -> list[str]:
    return [t[:MAX_CHARACTERS] for t in texts]


def _head(c: float, seed: int) -> LogisticRegression:
    return LogisticRegression(C=c, class_weight="balanced", max_iter=2000, random_state=seed)


def best_threshold(y: np.ndarray, p: np.ndarray) -> float:
    """The probability cut that gives the best F1 for one label (0.5 if it never occurs)."""
    if y.sum() == 0:
        return 0.5
    best, best_f1 = 0.5, -1.0
    for t in np.arange(0.1, 0.91, 0.025):
        predicted = p >= t
        tp = float((predicted & (y == 1)).sum())
        f1 = 2 * tp / (predicted.sum() + y.sum()) if (predicted.sum() + y.sum()) else 0.0
        if f1 > best_f1:
            best, best_f1 = float(t), f1
    return best


@dataclass
class TextModel:
    labels: list[str]
    c: float = 8.0
    seed: int = 2026
    vectoriser: FeatureUnion = field(default_factory=features)
    heads: list[LogisticRegression | None] = field(default_factory=list)
    thresholds: np.ndarray = field(default_factory=lambda: np.zeros(0))
    sentiment_head: LogisticRegression | None = None
    sentiment3_head: LogisticRegression | None = None
    train_seconds: float = 0.0
    # Weight of the sentence embeddings beside the word and character features; 0 leaves
    # the encoder out (a quicker model to train, as the demo does).
    sentence_weight: float = 0.0
    # A comment every category stays below its threshold for still gets its most likely
    # category (relative to that category's threshold): every comment in the NHS data
    # has at least one, and a lived experience lead confirms each suggestion anyway.
    at_least_one: bool = True

    def fit(
        self,
        texts: list[str],
        y: np.ndarray,
        sentiment: np.ndarray,
        progress: Callable[[int, int], None] | None = None,
    ) -> TextModel:
        """Learn from the texts. ``progress(done, of)`` is told after each step (the words,
        each block of comments the encoder reads, each category, the sentiment), for a
        person waiting on a long training."""
        start = time.perf_counter()
        blocks = -(-len(texts) // ENCODE_BLOCK) if self.sentence_weight else 0
        steps = blocks + y.shape[1] + 2
        x = self.vectoriser.fit_transform(clip(texts))
        if self.sentence_weight:
            embeddings = []
            for b in range(blocks):
                block = texts[b * ENCODE_BLOCK : (b + 1) * ENCODE_BLOCK]
                embeddings.append(sentence_embeddings(block))
                if progress:
                    progress(b, steps)
            x = sparse.hstack(
                [x, sparse.csr_matrix(self.sentence_weight * np.vstack(embeddings))],
                format="csr",
            )
        if progress:
            progress(blocks + 1, steps)
        self.heads, thresholds = [], []
        folds = 3
        for j in range(y.shape[1]):
            if progress and j:
                progress(blocks + 1 + j, steps)
            column = y[:, j]
            if column.sum() < folds or column.sum() > len(column) - folds:
                self.heads.append(None)  # too rare (or universal) to learn
                thresholds.append(1.0)
                continue
            head = _head(self.c, self.seed)
            cv = StratifiedKFold(folds, shuffle=True, random_state=self.seed)
            out_of_fold = cross_val_predict(head, x, column, cv=cv, method="predict_proba")[:, 1]
            thresholds.append(best_threshold(column, out_of_fold))
            self.heads.append(head.fit(x, column))
        self.thresholds = np.array(thresholds)
        labelled = sentiment > 0
        if labelled.sum() and len(set(sentiment[labelled])) > 1:
            self.sentiment_head = LogisticRegression(
                C=self.c / 2, class_weight="balanced", max_iter=2000, random_state=self.seed
            ).fit(x[labelled], sentiment[labelled])
            # Three classes learned directly do better than summing the five (measured).
            self.sentiment3_head = LogisticRegression(
                C=self.c / 2, class_weight="balanced", max_iter=2000, random_state=self.seed
            ).fit(x[labelled], [SENTIMENT3[int(v)] for v in sentiment[labelled]])
        if progress:
            progress(steps, steps)
        self.train_seconds = time.perf_counter() - start
        return self

    def _x(self, texts: list[str]) -> sparse.csr_matrix:
        # Categories and both sentiments are asked for one after another on the same
        # texts: the features (the encoder above all) are worked out once for them.
        global _LAST_FEATURES
        key = (id(self), tuple(texts))
        last = _LAST_FEATURES
        if last is not None and last[0] == key:
            return last[1]
        x = self.vectoriser.transform(clip(texts))
        if getattr(self, "sentence_weight", 0.0):
            x = sparse.hstack(
                [x, sparse.csr_matrix(self.sentence_weight * sentence_embeddings(texts))],
                format="csr",
            )
        _LAST_FEATURES = (key, x)
        return x

    def known_words(self, texts: list[str]) -> np.ndarray:
        """The share of each text's words that the model learned (0 for no words)."""
        words: TfidfVectorizer = self.vectoriser.transformer_list[0][1]
        tokenise, vocabulary = words.build_tokenizer(), words.vocabulary_
        shares = []
        for text in clip(texts):
            tokens = [t.lower() for t in tokenise(text)]
            shares.append(sum(t in vocabulary for t in tokens) / len(tokens) if tokens else 0.0)
        return np.array(shares)

    def abstains(self, texts: list[str]) -> np.ndarray:
        return self.known_words(texts) < MIN_KNOWN_WORDS

    def category_probabilities(self, texts: list[str]) -> np.ndarray:
        """Probabilities per category; all 0 where the model abstains."""
        x = self._x(texts)
        out = np.zeros((len(texts), len(self.labels)))
        for j, head in enumerate(self.heads):
            if head is not None:
                out[:, j] = head.predict_proba(x)[:, 1]
        out[self.abstains(texts)] = 0.0
        return out

    def predict_categories(self, texts: list[str]) -> np.ndarray:
        return self.categories_from(self.category_probabilities(texts))

    def categories_from(self, probabilities: np.ndarray) -> np.ndarray:
        """0/1 per category from its probabilities: those at or over their threshold and,
        for a comment with none (where the model did not abstain), the one nearest its
        threshold."""
        chosen = (probabilities >= self.thresholds).astype(np.int8)
        if getattr(self, "at_least_one", False):
            relative = probabilities / np.maximum(self.thresholds, 1e-9)
            empty = (chosen.sum(axis=1) == 0) & (probabilities.sum(axis=1) > 0)
            chosen[np.flatnonzero(empty), relative[empty].argmax(axis=1)] = 1
        return chosen

    def sentiment_probabilities(self, texts: list[str]) -> np.ndarray:
        """(comments, 5): probabilities of sentiment 1 … 5."""
        if self.sentiment_head is None:
            raise ValueError("This model was trained without sentiment labels")
        probabilities = self.sentiment_head.predict_proba(self._x(texts))
        out = np.zeros((len(texts), 5))
        for k, level in enumerate(self.sentiment_head.classes_):
            out[:, int(level) - 1] = probabilities[:, k]
        return out

    def predict_sentiment(self, texts: list[str]) -> np.ndarray:
        levels: np.ndarray = self.sentiment_probabilities(texts).argmax(axis=1) + 1
        return levels

    def predict_sentiment3(self, texts: list[str]) -> list[str]:
        """positive (1-2), neutral (3) or negative (4-5), from a head trained on them."""
        if self.sentiment3_head is None:
            raise ValueError("This model was trained without sentiment labels")
        return [str(v) for v in self.sentiment3_head.predict(self._x(texts))]

    def save(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / MODEL_FILE
        joblib.dump(self, path, compress=3)
        return path

    @staticmethod
    def load(folder: Path) -> TextModel:
        model = joblib.load(folder / MODEL_FILE)
        if not isinstance(model, TextModel):
            raise ValueError(f"{folder / MODEL_FILE} is not a Coproduce text model")
        return model


def sentiment3(levels: np.ndarray) -> list[str]:
    return [SENTIMENT3[int(v)] for v in levels]
