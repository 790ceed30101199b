"""The static word-vector embedder (WordLlama's weights, shipped inside the ``wordllama`` wheel)."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys

import numpy as np
import pytest

from synoptic.embed import WORDLLAMA, Embedder, available_embedders, get_embedder

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("wordllama") is None, reason="wordllama is not installed: pip install 'synoptic[wordllama]'"
)

TEXTS = ["A bomb exploded in the market on Tuesday.", "A blast hit the bazaar.", "Stocks fell sharply in Tokyo."]


@pytest.fixture(scope="module")
def wordllama() -> Embedder:
    return get_embedder(WORDLLAMA)


def test_registered_beside_minilm() -> None:
    assert {"minilm", WORDLLAMA} <= set(available_embedders())


def test_rows_are_unit_length_and_256_wide(wordllama: Embedder) -> None:
    vecs = wordllama.embed([*TEXTS, ""])
    assert vecs.shape == (4, 256)
    assert vecs.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vecs[:3], axis=1), 1.0, atol=1e-5)
    assert not vecs[3].any()  # an empty text has no token: a zero row, not NaN
    assert wordllama.embed([]).shape == (0, 256)


def test_a_restatement_is_nearer_than_another_topic(wordllama: Embedder) -> None:
    a, b, c = wordllama.embed(TEXTS)
    assert float(a @ b) > float(a @ c) + 0.2


def test_the_package_code_is_not_imported(wordllama: Embedder) -> None:
    """Only the wheel's files are read: importing ``wordllama`` configures the root logger and
    brings its download code (the weights are in the wheel; nothing is fetched)."""
    wordllama.embed(TEXTS)
    assert "wordllama" not in sys.modules


def test_same_vectors_as_the_package(wordllama: Embedder) -> None:
    """The package's own pooling (``WordLlamaInference.embed(norm=True)``), run in another process
    so that its logging set-up stays out of this one."""
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from safetensors import safe_open\n"
        "from tokenizers import Tokenizer\n"
        "import wordllama\n"
        "from wordllama.inference import WordLlamaInference\n"
        "root = Path(wordllama.__file__).parent\n"
        "tok = Tokenizer.from_file(str(root / 'tokenizers' / 'l2_supercat_tokenizer_config.json'))\n"
        "with safe_open(str(root / 'weights' / 'l2_supercat_256.safetensors'), framework='np') as fh:\n"
        "    table = fh.get_tensor('embedding.weight')\n"
        "texts = json.loads(sys.stdin.read())\n"
        "print(json.dumps(WordLlamaInference(table, tok).embed(texts, norm=True).tolist()))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], input=json.dumps(TEXTS), capture_output=True, text=True,
                          timeout=120, check=True, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    theirs = np.asarray(json.loads(done.stdout.strip().splitlines()[-1]), dtype=np.float32)
    np.testing.assert_allclose(wordllama.embed(TEXTS), theirs, atol=1e-6)
