"""The self-attention trace: embeddings, projections, scores, scaling, softmax, one step per query.

Runs :mod:`..attention_math` and records each step in the Eigenvue 1.0.2 step
format. Matrices are numpy arrays shared between steps. With ``causal`` the
scaled scores of future tokens are reported as ``None`` (masked) and get
weight 0; every step then also says ``causal: True``.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from eigenvue.step import Step
from eigenvue.text import number, short_vector

from .. import attention_math as am
from .inputs import Inputs


def _shape(matrix: np.ndarray) -> str:
    return f"{matrix.shape[0]}×{matrix.shape[1]}"


def trace(inputs: Inputs) -> Iterator[Step]:
    """Yield the input, Q, K, V, the scores, their scaling and softmax, each query, the output."""
    tokens, d = list(inputs.tokens), inputs.embeddingDim
    n = len(tokens)
    mask = am.causal_mask(n) if inputs.causal else None
    flag = {"causal": True} if inputs.causal else {}

    x = am.embed(tokens, d)
    w = {name: am.weight_matrix(name, d, d) for name in ("W_Q", "W_K", "W_V")}
    q, k, v = x @ w["W_Q"], x @ w["W_K"], x @ w["W_V"]
    raw = q @ k.T
    scale_factor = float(np.sqrt(d))
    scaled = raw * (1.0 / scale_factor)
    weights = am.softmax_rows(scaled, mask)
    output = weights @ v

    yield Step(
        id="show-input",
        title="The input embeddings",
        explanation=(
            f"Each of the {n} tokens is a row of X ({_shape(x)}), its {d}-dimensional embedding. "
            "Self-attention will let every token gather information from the others, weighted "
            "by how relevant they are to it."
        ),
        phase="input",
        lines="embed",
        state={"tokens": tokens, "embeddingDim": d, "X": x, "phase": "input", **flag},
    )
    roles = {
        "Q": ("queries", "what each token is looking for"),
        "K": ("keys", "what each token offers to be found by"),
        "V": ("values", "what each token passes on when attended to"),
    }
    for name, matrix in (("Q", q), ("K", k), ("V", v)):
        plural, role = roles[name]
        yield Step(
            id=f"compute-{name.lower()}",
            title=f"Project to {plural}: {name} = X·W_{name}",
            explanation=(
                f"Multiplying X by the {d}×{d} weight matrix W_{name} gives {name} "
                f"({_shape(matrix)}): one {plural[:-1]} per token, {role}. Row 0 "
                f"(“{tokens[0]}”) is {short_vector(matrix[0])}."
            ),
            phase="projection",
            lines=f"project_{name.lower()}",
            state={
                "tokens": tokens,
                name: matrix,
                f"W_{name}": w[f"W_{name}"],
                "phase": "projection",
                **flag,
            },
        )
    yield Step(
        id="compute-scores",
        title="Raw scores: Q·Kᵀ",
        explanation=(
            f"Score[i][j] is the dot product of query i with key j: how well token j matches "
            f"what token i is looking for. {n}×{n} scores; "
            f"score[0][0] = {number(float(raw[0, 0]))}."
        ),
        phase="scores",
        lines="scores",
        state={"tokens": tokens, "rawScores": raw, "phase": "scores", **flag},
    )
    masked = (
        f" Causal mask: query i may not look at later tokens j > i, so those "
        f"{n * (n - 1) // 2} scores are removed (set to −∞ before the softmax)."
        if mask is not None
        else ""
    )
    yield Step(
        id="scale-scores",
        title=f"Scale by 1/√{d}",
        explanation=(
            f"Every score is multiplied by 1/√d = 1/{number(scale_factor)}. Without it, dot "
            "products of long vectors grow with d and the softmax would put almost all the "
            f"weight on one token, with vanishing gradients.{masked}"
        ),
        phase="scaling",
        lines=("scale", "mask") if mask is not None else "scale",
        state={
            "tokens": tokens,
            "scaledScores": am.masked_for_state(scaled, mask),
            "scaleFactor": scale_factor,
            "phase": "scaling",
            **flag,
        },
    )
    yield Step(
        id="apply-softmax",
        title="Softmax: scores become weights",
        explanation=(
            "Each row goes through the softmax: exponentiate, divide by the row's sum. The "
            "weights of a row are positive and add up to 1: how query i shares its attention "
            f"among the tokens. Row 0: {short_vector(weights[0], 6)}."
        ),
        phase="softmax",
        lines="softmax",
        state={"tokens": tokens, "attentionWeights": weights, "phase": "softmax", **flag},
    )
    for i in range(n):
        top = int(np.argmax(weights[i]))
        yield Step(
            id="per-query-attention",
            title=f"Query {i} (“{tokens[i]}”) mixes the values",
            explanation=(
                f"“{tokens[i]}” attends most to “{tokens[top]}” (weight "
                f"{number(float(weights[i, top]))}). Its output is the weighted sum of the value "
                f"rows, Σ_j A[{i}][j]·V[j] = {short_vector(output[i])}."
            ),
            phase="output",
            lines="mix",
            state={
                "tokens": tokens,
                "attentionWeights": weights,
                "currentQuery": i,
                "queryWeights": weights[i],
                "contextVector": output[i],
                "maxAttendedToken": top,
                "maxWeight": float(weights[i, top]),
                "phase": "output",
                **flag,
            },
        )
    yield Step(
        id="complete",
        title="Self-attention output",
        explanation=(
            f"The output ({_shape(output)}) has one row per token: each token's value mixed with "
            "the others' in proportion to the attention weights. It has the shape of X, so "
            "layers can be stacked."
        ),
        phase="result",
        lines="done",
        is_terminal=True,
        state={
            "tokens": tokens,
            "attentionWeights": weights,
            "output": output,
            "phase": "complete",
            **flag,
        },
    )
