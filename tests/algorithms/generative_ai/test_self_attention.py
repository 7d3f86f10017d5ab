"""self-attention: softmax against scipy, attention against an einsum formulation, the causal
mask against attention on each prefix, hand-worked cases, and the refused inputs."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.special import softmax

import eigenvue
from tests.algorithms.generative_ai.attention_support import (
    as_array,
    einsum_attention,
    embedding_rows,
    seeded,
)

ID = "self-attention"

REFUSALS = [
    ({"tokens": []}, "tokens"),
    ({"tokens": ["a", ""]}, "tokens[1]"),
    ({"tokens": "abc"}, "tokens"),
    ({"embeddingDim": 0}, "embeddingDim"),
    ({"embeddingDim": 2.5}, "embeddingDim"),
    ({"embeddingDim": "4"}, "embeddingDim"),
    ({"embeddingDim": 1_025}, "embeddingDim"),
    ({"causal": "yes"}, "causal"),
    ({"causal": 1}, "causal"),
    ({"tokens": ["a"] * 1_025}, "tokens"),
    ({"tokens": [f"t{i}" for i in range(1_024)], "embeddingDim": 1_024}, "tokens"),
    ({"tokens": ["a"], "embeddingDim": 4, "heads": 2}, "heads"),
]


def by_id(trace):
    """The state of each step id's last occurrence."""
    return {s["id"]: s["state"] for s in trace}


def run(tokens, d, causal=False):
    return eigenvue.steps(ID, {"tokens": tokens, "embeddingDim": d, "causal": causal})


words = st.lists(
    st.sampled_from(["The", "cat", "sat", "on", "a", "mat", "é", "🙂"]), min_size=1, max_size=7
)


@settings(max_examples=50, deadline=None)
@given(tokens=words, d=st.integers(1, 12), causal=st.booleans())
def test_against_an_einsum_formulation(tokens, d, causal):
    trace = run(tokens, d, causal)
    state = by_id(trace)
    x = embedding_rows(tokens, d)
    np.testing.assert_allclose(state["show-input"]["X"], x, atol=1e-12)
    w = {m: seeded(f"W_{m}", d, d) for m in "QKV"}
    q, k, v = (np.einsum("nd,de->ne", x, w[m]) for m in "QKV")
    np.testing.assert_allclose(state["compute-q"]["Q"], q, atol=1e-12)
    np.testing.assert_allclose(state["compute-k"]["W_K"], w["K"], atol=0)
    weights, output = einsum_attention(q, k, v, causal)
    np.testing.assert_allclose(state["apply-softmax"]["attentionWeights"], weights, atol=1e-12)
    np.testing.assert_allclose(state["complete"]["output"], output, atol=1e-12)
    queries = [s["state"] for s in trace if s["id"] == "per-query-attention"]
    assert [s["currentQuery"] for s in queries] == list(range(len(tokens)))
    for i, s in enumerate(queries):
        np.testing.assert_allclose(s["contextVector"], output[i], atol=1e-12)
        assert s["maxAttendedToken"] == int(np.argmax(weights[i]))
        assert s["maxWeight"] == pytest.approx(weights[i].max(), abs=1e-12)


@settings(max_examples=50, deadline=None)
@given(tokens=words, d=st.integers(1, 12))
def test_softmax_rows_are_scipys(tokens, d):
    state = by_id(run(tokens, d))
    scaled = np.array(state["scale-scores"]["scaledScores"])
    np.testing.assert_allclose(
        scaled, np.array(state["compute-scores"]["rawScores"]) / np.sqrt(d), atol=1e-12
    )
    assert state["scale-scores"]["scaleFactor"] == pytest.approx(np.sqrt(d))
    weights = np.array(state["apply-softmax"]["attentionWeights"])
    np.testing.assert_allclose(weights, softmax(scaled, axis=1), atol=1e-12)
    np.testing.assert_allclose(weights.sum(axis=1), 1.0, atol=1e-12)


@settings(max_examples=30, deadline=None)
@given(tokens=words, d=st.integers(1, 8))
def test_causal_output_of_token_i_is_full_attention_over_its_prefix(tokens, d):
    causal = by_id(run(tokens, d, causal=True))
    weights = np.array(causal["apply-softmax"]["attentionWeights"])
    assert np.all(np.triu(weights, k=1) == 0.0)
    scaled = as_array(causal["scale-scores"]["scaledScores"])
    assert np.all(np.isnan(scaled[np.triu_indices(len(tokens), k=1)]))
    assert not np.any(np.isnan(scaled[np.tril_indices(len(tokens))]))
    for i in range(len(tokens)):
        prefix = by_id(run(tokens[: i + 1], d))
        np.testing.assert_allclose(
            causal["complete"]["output"][i], prefix["complete"]["output"][i], atol=1e-12
        )


def test_identical_tokens_attend_uniformly():
    weights = by_id(run(["a", "a", "a", "a"], 5))["apply-softmax"]["attentionWeights"]
    np.testing.assert_allclose(weights, np.full((4, 4), 0.25), atol=1e-15)


def test_one_token_attends_to_itself_and_outputs_its_value():
    state = by_id(run(["solo"], 3))
    assert state["apply-softmax"]["attentionWeights"] == [[1.0]]
    np.testing.assert_allclose(state["complete"]["output"], state["compute-v"]["V"], atol=1e-15)


def test_the_first_token_of_a_causal_sequence_attends_only_to_itself():
    trace = run(["The", "quick", "brown"], 4, causal=True)
    assert by_id(trace)["apply-softmax"]["attentionWeights"][0] == [1.0, 0.0, 0.0]
    assert all(s["state"]["causal"] is True for s in trace)


def test_large_scores_do_not_overflow_the_softmax():
    # A wide model gives scores in the tens; the softmax subtracts the row maximum first.
    state = by_id(run([f"w{i}" for i in range(6)], 256))
    weights = np.array(state["apply-softmax"]["attentionWeights"])
    assert np.all(np.isfinite(weights))
    np.testing.assert_allclose(weights.sum(axis=1), 1.0, atol=1e-12)
