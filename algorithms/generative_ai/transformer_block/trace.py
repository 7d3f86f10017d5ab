"""The transformer-block trace: attention, add & norm, feed-forward, add & norm (always 11 steps).

Runs :mod:`.block` and records each step in the Eigenvue 1.0.2 step format.
With more than one head, ``attnWeights`` is the heads' average and the extra
key ``headWeights`` holds each head's matrix; ``ffn-expand`` also carries the
hidden activations (``hidden``) for the frames.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from eigenvue.step import Step
from eigenvue.text import number, short_vector

from . import block
from .inputs import Inputs


def _row_stats(matrix: np.ndarray) -> str:
    """Row 0's mean and standard deviation, as a learner checks a layer norm."""
    row = matrix[0]
    return f"row 0 has mean {number(float(row.mean()), 2)} and standard deviation " + number(
        float(row.std()), 4
    )


def trace(inputs: Inputs) -> Iterator[Step]:
    """Yield the eleven steps of one pass through the block."""
    tokens = list(inputs.tokens)
    d, f, h = inputs.embeddingDim, inputs.ffnDim, inputs.numHeads
    n, dk = len(tokens), d // h
    out = block.run(tokens, d, f, h, inputs.causal)
    flag = {"causal": True} if inputs.causal else {}
    heads = {"headWeights": out.head_weights} if h > 1 else {}

    yield Step(
        id="show-input",
        title="The input embeddings",
        explanation=(
            f"X ({n}×{d}) holds one embedding per token. The block will transform it into a "
            f"new {n}×{d} matrix: each token updated with what it gathers from the others "
            "(attention) and then on its own (feed-forward)."
        ),
        phase="input",
        lines="show",
        state={"tokens": tokens, "embeddingDim": d, "X": out.x, **flag},
    )
    split = (
        f"Q, K and V are split into {h} heads of {dk} columns; each head attends on its own "
        f"columns, scaled by 1/√{dk}, and the heads are concatenated."
        if h > 1
        else f"One head attends over all {d} dimensions, scaled by 1/√{d}."
    )
    yield Step(
        id="self-attention-start",
        title="Sub-layer 1: self-attention",
        explanation=(
            "First every token looks at the sequence: Q = X·W_Q, K = X·W_K and V = X·W_V. "
            + split
            + (" Later tokens are masked (causal)." if inputs.causal else "")
        ),
        phase="self-attention",
        lines="qkv",
        state={"tokens": tokens, "phase": "self-attention", **flag},
    )
    yield Step(
        id="self-attention-result",
        title="Attention output",
        explanation=(
            f"Each token's output is its attention-weighted mix of values ({n}×{d}); "
            f"“{tokens[0]}” becomes {short_vector(out.attention[0])}."
            + (" The weights shown are the heads' average." if h > 1 else "")
        ),
        phase="self-attention",
        lines=("attention", "mask") if inputs.causal else "attention",
        state={
            "tokens": tokens,
            "attnOutput": out.attention,
            "attnWeights": out.weights,
            "phase": "self-attention",
            **heads,
            **flag,
        },
    )
    yield Step(
        id="residual-1",
        title="Add: residual connection",
        explanation=(
            "The attention output is added to the block's input: R1 = X + attention. The "
            "residual path lets the input pass through unchanged, so the sub-layer only has to "
            "learn a correction, and gradients flow straight back through deep stacks."
        ),
        phase="add-norm-1",
        lines="residual1",
        state={"tokens": tokens, "residual1": out.residual1, "phase": "add-norm-1", **flag},
    )
    yield Step(
        id="layer-norm-1",
        title="Norm: layer normalisation",
        explanation=(
            "Each row (token) is normalised over its own d values: subtract the mean, divide "
            f"by √(variance + 10⁻⁵). Now {_row_stats(out.norm1)}, whatever the input's scale."
        ),
        phase="add-norm-1",
        lines="norm1",
        state={"tokens": tokens, "norm1": out.norm1, "phase": "add-norm-1", **flag},
    )
    yield Step(
        id="ffn-start",
        title="Sub-layer 2: feed-forward network",
        explanation=(
            f"Next each token is processed on its own by the same two-layer network: widen "
            f"from {d} to {f} dimensions with a ReLU, then back to {d}."
        ),
        phase="ffn",
        lines="ffn",
        state={"tokens": tokens, "phase": "ffn", **flag},
    )
    active = int(np.count_nonzero(out.hidden))
    yield Step(
        id="ffn-expand",
        title=f"Expand to {f} and apply ReLU",
        explanation=(
            f"H = ReLU(N1·W1 + b1) is {n}×{f}. The ReLU zeroes the negative values: "
            f"{active} of the {n * f} hidden activations are non-zero."
        ),
        phase="ffn",
        lines="expand",
        state={
            "tokens": tokens,
            "hiddenShape": [n, f],
            "phase": "ffn",
            "hidden": out.hidden,
            **flag,
        },
    )
    yield Step(
        id="ffn-compress",
        title=f"Project back to {d}",
        explanation=(
            f"F = H·W2 + b2 brings each token back to {d} dimensions; "
            f"“{tokens[0]}” gets {short_vector(out.ffn[0])}."
        ),
        phase="ffn",
        lines="compress",
        state={"tokens": tokens, "ffnOutput": out.ffn, "phase": "ffn", **flag},
    )
    yield Step(
        id="residual-2",
        title="Add: second residual connection",
        explanation="The feed-forward output is added to its input: R2 = N1 + F.",
        phase="add-norm-2",
        lines="residual2",
        state={"tokens": tokens, "residual2": out.residual2, "phase": "add-norm-2", **flag},
    )
    yield Step(
        id="layer-norm-2",
        title="Norm: second layer normalisation",
        explanation=(
            f"Each row is normalised again: {_row_stats(out.norm2)}. This is the block's output."
        ),
        phase="add-norm-2",
        lines="norm2",
        state={"tokens": tokens, "norm2": out.norm2, "phase": "add-norm-2", **flag},
    )
    yield Step(
        id="complete",
        title="Block output",
        explanation=(
            f"The output has the input's shape ({n}×{d}), so blocks stack: a GPT-style model "
            "is dozens of them, each refining every token's vector with context from the others."
        ),
        phase="result",
        lines="done",
        is_terminal=True,
        state={"tokens": tokens, "output": out.norm2, "phase": "output", **flag},
    )
