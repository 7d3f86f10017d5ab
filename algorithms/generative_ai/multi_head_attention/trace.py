"""The multi-head attention trace: each head's four steps, then concatenation and projection.

Runs :mod:`..attention_math` and records each step in the Eigenvue 1.0.2 step
format. Head i has its own d × d/h matrices ``W_Q_head{i}``, ``W_K_head{i}``,
``W_V_head{i}``; the heads are concatenated and multiplied by ``W_O`` (d × d).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from eigenvue.step import Step
from eigenvue.text import number, short_vector

from .. import attention_math as am
from .inputs import Inputs


def trace(inputs: Inputs) -> Iterator[Step]:
    """Yield the input, four steps per head, the concatenation, the projection and the output."""
    tokens, d, h = list(inputs.tokens), inputs.embeddingDim, inputs.numHeads
    n, dk = len(tokens), d // h
    mask = am.causal_mask(n) if inputs.causal else None
    flag = {"causal": True} if inputs.causal else {}
    x = am.embed(tokens, d)
    sizes = {"tokens": tokens, "embeddingDim": d, "numHeads": h, "d_k": dk}

    yield Step(
        id="show-input",
        title="The input embeddings",
        explanation=(
            f"X holds the {n} tokens' {d}-dimensional embeddings ({n}×{d}). Instead of one "
            f"attention over all {d} dimensions, {h} heads will each attend in their own "
            f"{dk}-dimensional subspace."
        ),
        phase="initialization",
        lines="show",
        state={**sizes, "X": x, **flag},
    )
    yield Step(
        id="explain-heads",
        title=f"{h} heads of dimension {dk}",
        explanation=(
            f"d_k = d / h = {d} / {h} = {dk}. Each head has its own projections W_Q, W_K, W_V "
            f"({d}×{dk}), so it can look for a different kind of relation between tokens; the "
            "total cost is about that of one full-width head."
        ),
        phase="initialization",
        lines="heads",
        state={**sizes, **flag},
    )
    outputs = []
    for i in range(h):
        head = {"tokens": tokens, "activeHead": i, "totalHeads": h, **flag}
        w = {m: am.weight_matrix(f"W_{m}_head{i}", d, dk) for m in ("Q", "K", "V")}
        q, k, v = x @ w["Q"], x @ w["K"], x @ w["V"]
        scaled, weights, out = am.attention(q, k, v, mask)
        outputs.append(out)
        phase = f"head-{i}"
        yield Step(
            id=f"head-{i}-projections",
            title=f"Head {i}: queries, keys, values",
            explanation=(
                f"Head {i} projects X with its own {d}×{dk} matrices: Q, K and V are {n}×{dk}. "
                f"Its query for “{tokens[0]}” is {short_vector(q[0])}."
            ),
            phase=phase,
            lines="projections",
            state={**head, "Q": q, "K": k, "V": v},
        )
        yield Step(
            id=f"head-{i}-scores",
            title=f"Head {i}: scaled scores",
            explanation=(
                f"Q·Kᵀ scaled by 1/√d_k = 1/{number(float(np.sqrt(dk)))}: the head's own "
                f"{n}×{n} scores, scaled by its own width d_k, not by d."
                + (" Later tokens are masked." if mask is not None else "")
            ),
            phase=phase,
            lines=("scores", "mask") if mask is not None else "scores",
            state={**head, "scaledScores": am.masked_for_state(scaled, mask)},
        )
        top = weights.argmax(axis=1)
        yield Step(
            id=f"head-{i}-softmax",
            title=f"Head {i}: attention weights",
            explanation=(
                f"A softmax per row. In head {i}, “{tokens[0]}” attends most to "
                f"“{tokens[int(top[0])]}” ({number(float(weights[0, top[0]]))})"
                + (
                    f" and “{tokens[-1]}” to “{tokens[int(top[-1])]}” "
                    f"({number(float(weights[-1, top[-1]]))})."
                    if n > 1
                    else "."
                )
            ),
            phase=phase,
            lines="softmax",
            state={**head, "attentionWeights": weights},
        )
        yield Step(
            id=f"head-{i}-output",
            title=f"Head {i}: output",
            explanation=(
                f"Each token's weighted mix of head {i}'s values: an {n}×{dk} output, "
                f"row 0 = {short_vector(out[0])}."
            ),
            phase=phase,
            lines="head_output",
            state={**head, "headOutput": out},
        )
    concat = am.concat_heads(np.stack(outputs))
    yield Step(
        id="concatenate",
        title="Concatenate the heads",
        explanation=(
            f"The {h} head outputs ({n}×{dk} each) are laid side by side, head 0's columns "
            f"first: an {n}×{d} matrix, the width of X again."
        ),
        phase="concatenation",
        lines="concat",
        state={"tokens": tokens, "concat": concat, "numHeads": h, **flag},
    )
    w_o = am.weight_matrix("W_O", d, d)
    final = concat @ w_o
    yield Step(
        id="final-projection",
        title="Output projection W_O",
        explanation=(
            f"Multiplying by W_O ({d}×{d}) mixes the heads' results: every output dimension "
            f"can draw on every head. Row 0 = {short_vector(final[0])}."
        ),
        phase="projection",
        lines="project",
        state={"tokens": tokens, "finalOutput": final, **flag},
    )
    yield Step(
        id="complete",
        title="Multi-head attention output",
        explanation=(
            f"The output ({n}×{d}) has the shape of the input, so the block can be stacked. "
            f"{h} heads looked at the sequence in {h} different ways for the cost of one."
        ),
        phase="result",
        lines="done",
        is_terminal=True,
        state={"tokens": tokens, "finalOutput": final, "numHeads": h, **flag},
    )
