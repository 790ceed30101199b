"""The embedding interface and the bundled MiniLM int8 ONNX model."""

from __future__ import annotations

import numpy as np
import pytest

from synoptic.embed import Embedder, OnnxMiniLM, available_embedders, get_embedder, register_embedder


@pytest.fixture(scope="module")
def minilm() -> Embedder:
    return get_embedder("minilm")


def test_embed_rows_are_unit_length_and_384_wide(minilm: Embedder) -> None:
    vecs = minilm.embed(["An earthquake struck Indonesia.", "", "x" * 5000])
    assert vecs.shape == (3, 384)
    assert vecs.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vecs[[0, 2]], axis=1), 1.0, atol=1e-5)


def test_embed_of_no_texts_is_empty(minilm: Embedder) -> None:
    assert minilm.embed([]).shape == (0, 384)


@pytest.mark.parametrize(
    ("a", "b", "c"),
    [
        (
            "A strong earthquake hit Indonesia on Tuesday.",
            "A powerful quake struck Indonesia.",
            "Lindsay Lohan entered rehab.",
        ),
        (
            "Police arrested 23 pirates in the Gulf of Aden.",
            "The navy captured pirates off Somalia.",
            "The Oscars will be hosted by Hugh Jackman.",
        ),
    ],
)
def test_embed_same_event_is_closer_than_other_event(minilm: Embedder, a: str, b: str, c: str) -> None:
    va, vb, vc = minilm.embed([a, b, c])
    assert float(va @ vb) > float(va @ vc) + 0.3


def test_embed_batch_gives_the_same_vectors_as_one_by_one(minilm: Embedder) -> None:
    texts = ["short", "a somewhat longer sentence about a storm in Texas", "Tokayev said 26 were killed."]
    batch = minilm.embed(texts)
    single = np.stack([minilm.embed([t])[0] for t in texts])
    np.testing.assert_allclose(batch, single, atol=1e-4)


def test_basic_graph_rewrites_give_the_vectors_of_all_rewrites(minilm: Embedder) -> None:
    """The session runs with the basic rewrites only (faster here, see ``OnnxMiniLM._load``): its
    vectors are those of the fully optimised graph, so cached vectors and thresholds still hold."""
    import onnxruntime as ort

    from synoptic.embed import minilm_files

    texts = ["Tokayev said 26 were killed.", "a somewhat longer sentence about a storm in Texas and its toll"]
    ours = minilm.embed(texts)
    assert isinstance(minilm, OnnxMiniLM)
    assert minilm._session.get_session_options().graph_optimization_level == \
        ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
    full = OnnxMiniLM()
    full._load()
    opts = ort.SessionOptions()
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    full._session = ort.InferenceSession(str(minilm_files()[0]), sess_options=opts, providers=["CPUExecutionProvider"])
    np.testing.assert_allclose(ours, full.embed(texts), atol=1e-4)


def test_get_embedder_returns_one_instance_per_process() -> None:
    assert get_embedder() is get_embedder("minilm")


def test_get_embedder_unknown_name_says_what_exists() -> None:
    with pytest.raises(ValueError, match="minilm"):
        get_embedder("no-such-model")


def test_register_embedder_plugs_in_another_model() -> None:
    class Tiny:
        name = "tiny-test"
        dim = 2

        def embed(self, texts: list[str]) -> np.ndarray:
            out = np.array([[len(t) + 1.0, 1.0] for t in texts], dtype=np.float32)
            return out / np.linalg.norm(out, axis=1, keepdims=True)

    register_embedder("tiny-test", Tiny)
    assert "tiny-test" in available_embedders()
    emb = get_embedder("tiny-test")
    assert isinstance(emb, Embedder)
    assert emb.embed(["ab"]).shape == (1, 2)


def test_minilm_constructor_is_cheap() -> None:
    model = OnnxMiniLM()
    assert model._session is None


def test_length_batches_cover_every_text_shortest_first_within_the_size_and_padding_bounds() -> None:
    from synoptic.embed import length_batches

    lengths = [40, 12, 128, 13, 12, 90, 14, 41, 12, 127, 60, 13] * 3
    batches = length_batches(lengths, 4, 0.10)
    flat = [i for b in batches for i in b]
    assert sorted(flat) == list(range(len(lengths)))  # each text once
    assert [lengths[i] for i in flat] == sorted(lengths)  # shortest first
    for b in batches:
        assert len(b) <= 4
        held = sum(lengths[i] for i in b)
        assert len(b) == 1 or max(lengths[i] for i in b) * len(b) <= 1.10 * held
    # a long text after short ones starts a new batch instead of padding them to its length
    assert length_batches([10, 10, 100], 16, 0.10) == [[0, 1], [2]]
    assert length_batches([], 16, 0.10) == []


def test_vectors_do_not_depend_on_how_the_texts_are_batched(minilm: Embedder) -> None:
    """Batches cut by padding (``MAX_PADDING_SHARE``) give the vectors of fixed batches of 16, so
    the vectors cached in stores and the thresholds fitted on them still hold."""
    texts = [("word " * n).strip() + f" {n} the storm hit the coast" for n in (1, 2, 3, 5, 8, 13, 21, 34, 55, 89)] * 2
    assert isinstance(minilm, OnnxMiniLM)
    ours = minilm.embed(texts)
    fixed = OnnxMiniLM(batch_size=16)
    fixed._load()
    import synoptic.embed as embed_module

    saved = embed_module.MAX_PADDING_SHARE
    embed_module.MAX_PADDING_SHARE = float("inf")  # fixed batches of 16, as before the cut
    try:
        theirs = fixed.embed(texts)
    finally:
        embed_module.MAX_PADDING_SHARE = saved
    np.testing.assert_allclose(ours, theirs, atol=1e-6)


def test_one_thread_gives_the_vectors_of_two() -> None:
    """The thread count follows the machine's load (``default_threads``): it must not change a vector."""
    texts = ["Pirates attacked the tanker off Somalia on Tuesday.", "The navy said it fired warning shots.",
             "Prices rose 3% in March, the statistics office said.", "x"]
    one = OnnxMiniLM(threads=1).embed(texts)
    two = OnnxMiniLM(threads=2).embed(texts)
    assert np.array_equal(one, two)


def test_default_threads_take_one_core_when_the_machine_is_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    import synoptic.embed as embed_module

    monkeypatch.setattr(embed_module, "_usable_cores", lambda: 2)
    monkeypatch.setattr(embed_module.os, "getloadavg", lambda: (2.5, 1.0, 1.0))
    assert embed_module.default_threads() == 1
    monkeypatch.setattr(embed_module.os, "getloadavg", lambda: (0.3, 1.0, 1.0))
    assert embed_module.default_threads() == 2
    monkeypatch.setattr(embed_module, "_usable_cores", lambda: 16)
    assert embed_module.default_threads() == embed_module.MAX_THREADS
