"""multi-head-attention: each head against einsum attention, the concatenation against the
heads computed separately, the whole layer against a batched einsum, and the refused inputs."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import eigenvue
from tests.algorithms.generative_ai.attention_support import (
    as_array,
    einsum_attention,
    embedding_rows,
    seeded,
)

ID = "multi-head-attention"

REFUSALS = [
    ({"embeddingDim": 6, "numHeads": 4}, "numHeads"),
    ({"embeddingDim": 8, "numHeads": 3}, "numHeads"),
    ({"numHeads": 0}, "numHeads"),
    ({"numHeads": -2}, "numHeads"),
    ({"numHeads": 2.0}, "numHeads"),
    ({"embeddingDim": 32, "numHeads": 17}, "numHeads"),
    ({"embeddingDim": 0}, "embeddingDim"),
    ({"embeddingDim": 8.0}, "embeddingDim"),
    ({"tokens": []}, "tokens"),
    ({"tokens": [""]}, "tokens[0]"),
    ({"causal": None}, "causal"),
    ({"tokens": [f"t{i}" for i in range(1_024)], "embeddingDim": 16, "numHeads": 16}, "tokens"),
]


def run(tokens, d, h, causal=False):
    return eigenvue.steps(
        ID, {"tokens": tokens, "embeddingDim": d, "numHeads": h, "causal": causal}
    )


def states(trace, step_id):
    return next(s["state"] for s in trace if s["id"] == step_id)


sizes = st.integers(1, 6).flatmap(lambda h: st.tuples(st.just(h), st.integers(1, 4)))
words = st.lists(
    st.sampled_from(["I", "love", "deep", "learning", "the", "cat"]), min_size=1, max_size=6
)


@settings(max_examples=40, deadline=None)
@given(tokens=words, hd=sizes, causal=st.booleans())
def test_each_head_and_the_concatenation_against_heads_computed_separately(tokens, hd, causal):
    h, dk = hd
    d = h * dk
    trace = run(tokens, d, h, causal)
    x = embedding_rows(tokens, d)
    outputs = []
    for i in range(h):
        q, k, v = (x @ seeded(f"W_{m}_head{i}", d, dk) for m in "QKV")
        projections = states(trace, f"head-{i}-projections")
        np.testing.assert_allclose(projections["Q"], q, atol=1e-12)
        np.testing.assert_allclose(projections["V"], v, atol=1e-12)
        weights, out = einsum_attention(q, k, v, causal)
        scaled = as_array(states(trace, f"head-{i}-scores")["scaledScores"])
        expected = (q @ k.T) / np.sqrt(dk)  # scaled by the head's width, not by d
        if causal:
            expected[np.triu_indices(len(tokens), k=1)] = np.nan
        np.testing.assert_allclose(scaled, expected, atol=1e-12)
        np.testing.assert_allclose(
            states(trace, f"head-{i}-softmax")["attentionWeights"], weights, atol=1e-12
        )
        np.testing.assert_allclose(states(trace, f"head-{i}-output")["headOutput"], out, atol=1e-12)
        outputs.append(out)
    concat = np.concatenate(outputs, axis=1)
    np.testing.assert_allclose(states(trace, "concatenate")["concat"], concat, atol=1e-12)
    np.testing.assert_allclose(
        states(trace, "complete")["finalOutput"], concat @ seeded("W_O", d, d), atol=1e-12
    )


def test_the_whole_layer_as_one_batched_einsum():
    tokens, d, h = ["The", "cat", "sat", "on", "the", "mat"], 12, 3
    dk = d // h
    x = embedding_rows(tokens, d)
    w = {m: np.stack([seeded(f"W_{m}_head{i}", d, dk) for i in range(h)]) for m in "QKV"}
    q, k, v = (np.einsum("nd,hde->hne", x, w[m]) for m in "QKV")  # (h, n, d_k)
    _, heads = einsum_attention(q, k, v)
    concat = np.einsum("hnd->nhd", heads).reshape(len(tokens), d)
    expected = np.einsum("nd,de->ne", concat, seeded("W_O", d, d))
    got = states(run(tokens, d, h), "complete")["finalOutput"]
    np.testing.assert_allclose(got, expected, atol=1e-12)


def test_step_count_and_head_ids():
    trace = run(["a", "b"], 8, 4)
    assert len(trace) == 4 * 4 + 5
    assert [s["phase"] for s in trace].count("head-3") == 4
    assert states(trace, "show-input")["d_k"] == 2
