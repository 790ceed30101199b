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
