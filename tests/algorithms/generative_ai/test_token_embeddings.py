"""token-embeddings: cosine similarities against scipy, the PCA view against an eigen-decomposition,
the seeding's properties, and the refused inputs."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.spatial.distance import cosine

import eigenvue
from tests.algorithms.generative_ai.attention_support import embedding_rows

ID = "token-embeddings"

REFUSALS = [
    ({"tokens": []}, "tokens"),
    ({"tokens": [""]}, "tokens[0]"),
    ({"tokens": "cat"}, "tokens"),
    ({"tokens": ["a", 1]}, "tokens[1]"),
    ({"embeddingDim": 0}, "embeddingDim"),
    ({"embeddingDim": -3}, "embeddingDim"),
    ({"embeddingDim": 4.0}, "embeddingDim"),
    ({"embeddingDim": True}, "embeddingDim"),
    ({"embeddingDim": 1_025}, "embeddingDim"),
    ({"tokens": [f"t{i}" for i in range(201)]}, "tokens"),
    ({"tokens": [f"t{i}" for i in range(200)], "embeddingDim": 1_024}, "tokens"),
]


def final(inputs):
    return eigenvue.steps(ID, inputs)[-1]["state"]


tokens = st.lists(st.text(min_size=1, max_size=8), min_size=1, max_size=7)


@settings(max_examples=60, deadline=None)
@given(words=tokens, d=st.integers(1, 24))
def test_every_similarity_is_scipys_cosine(words, d):
    trace = eigenvue.steps(ID, {"tokens": words, "embeddingDim": d})
    vectors = np.array(trace[-1]["state"]["embeddings"])
    pairs = [s["state"] for s in trace if s["id"] == "cosine-similarity"]
    assert [p["similarityPair"] for p in pairs] == [
        [i, j] for i in range(len(words)) for j in range(i + 1, len(words))
    ]
    for p in pairs:
        i, j = p["similarityPair"]
        assert p["similarityScore"] == pytest.approx(1 - cosine(vectors[i], vectors[j]), abs=1e-12)
        matrix = trace[-1]["state"]["similarityMatrix"]
        assert matrix[i][j] == matrix[j][i] == pytest.approx(p["similarityScore"], abs=1e-15)


@settings(max_examples=40, deadline=None)
@given(
    words=st.lists(st.text(min_size=1, max_size=6), min_size=1, max_size=9), d=st.integers(2, 12)
)
def test_the_2d_view_is_the_principal_axes_projection(words, d):
    state = final({"tokens": words, "embeddingDim": d})
    x = np.array(state["embeddings"])
    centred = x - x.mean(axis=0)
    # Principal axes from the covariance's eigenvectors (largest eigenvalues first).
    values, vectors = np.linalg.eigh(centred.T @ centred)
    order = np.argsort(values)[::-1]
    values, vectors = values[order], vectors[:, order]
    expected = centred @ vectors[:, :2]
    got = np.array(state["projection"])
    total = values.sum()
    if total > 1e-12:
        assert state["projectionVariance"] == pytest.approx(values[:2].sum() / total, abs=1e-9)
    gaps = -np.diff(np.append(values, 0.0))  # eigenvalue k minus eigenvalue k + 1
    for axis in range(min(2, d)):
        separated = gaps[axis] > 1e-9 and (axis == 0 or gaps[axis - 1] > 1e-9)
        if values[axis] > 1e-9 and separated:
            # An axis is defined up to its sign (and, for equal eigenvalues, not at all).
            sign = np.sign(got[:, axis] @ expected[:, axis]) or 1.0
            np.testing.assert_allclose(got[:, axis], sign * expected[:, axis], atol=1e-9)
    # A projection never stretches distances.
    for i in range(len(words)):
        for j in range(len(words)):
            assert np.linalg.norm(got[i] - got[j]) <= np.linalg.norm(x[i] - x[j]) + 1e-9


def test_vectors_are_thousandths_in_range_and_longer_vectors_extend_shorter_ones():
    short = np.array(final({"tokens": ["king", "queen"], "embeddingDim": 5})["embeddings"])
    long = np.array(final({"tokens": ["king", "queen"], "embeddingDim": 9})["embeddings"])
    np.testing.assert_array_equal(long[:, :5], short)
    assert np.all(np.abs(long) <= 1)
    np.testing.assert_allclose(long * 1000, np.round(long * 1000), atol=1e-9)


def test_a_repeated_token_has_one_vector_and_similarity_one():
    trace = eigenvue.steps(ID, {"tokens": ["to", "be", "to"], "embeddingDim": 6})
    vectors = trace[-1]["state"]["embeddings"]
    assert vectors[0] == vectors[2]
    (pair,) = [s["state"] for s in trace if s["state"].get("similarityPair") == [0, 2]]
    assert pair["similarityScore"] == pytest.approx(1.0, abs=1e-15)


def test_the_same_token_gets_another_vector_in_the_attention_lessons():
    here = final({"tokens": ["cat"], "embeddingDim": 4})["embeddings"][0]
    there = eigenvue.steps("self-attention", {"tokens": ["cat"], "embeddingDim": 4})[0]["state"]
    np.testing.assert_allclose(there["X"][0], embedding_rows(["cat"], 4)[0])
    assert here != there["X"][0]
    assert "differently" in " ".join(d.title for d in eigenvue.get(ID).differences)


def test_lookups_reveal_one_row_at_a_time():
    trace = eigenvue.steps(ID, {"tokens": ["a", "b", "c"], "embeddingDim": 3})
    lookups = [s["state"] for s in trace if s["id"] == "lookup-embedding"]
    assert [len(s["embeddings"]) for s in lookups] == [1, 2, 3]
    assert [s["currentEmbedding"] for s in lookups] == trace[-1]["state"]["embeddings"]
