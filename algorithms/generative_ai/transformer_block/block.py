"""One post-norm transformer encoder block in numpy (Vaswani et al., 2017).

No steps, no plotting. Attention uses full-width seeded projections
``block_W_Q``, ``block_W_K``, ``block_W_V`` (d × d) whose columns are split into
h heads of d/h columns; each head attends on its own columns, scaled by
1/√(d/h), and the heads are concatenated. There is no output projection, so
with one head this is exactly Eigenvue 1.0.2's block.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .. import attention_math as am

Array = np.ndarray


@dataclass(frozen=True)
class Block:
    """Every intermediate of one pass through the block (n tokens, model width d)."""

    x: Array  # n × d input embeddings
    head_weights: Array  # h × n × n attention weights, one matrix per head
    attention: Array  # n × d concatenated heads
    residual1: Array
    norm1: Array
    hidden: Array  # n × d_ff, after the ReLU
    ffn: Array  # n × d
    residual2: Array
    norm2: Array

    @property
    def weights(self) -> Array:
        """The n × n attention weights averaged over the heads (the weights, with one head)."""
        return self.head_weights[0] if len(self.head_weights) == 1 else self.head_weights.mean(0)


def run(tokens: list[str], d: int, ffn_dim: int, heads: int, causal: bool = False) -> Block:
    """Pass the tokens' seeded embeddings through the block."""
    n = len(tokens)
    mask = am.causal_mask(n) if causal else None
    x = am.embed(tokens, d)
    q, k, v = (x @ am.weight_matrix(f"block_W_{m}", d, d) for m in ("Q", "K", "V"))
    per_head = [
        am.attention(qh, kh, vh, mask)
        for qh, kh, vh in zip(
            am.split_heads(q, heads), am.split_heads(k, heads), am.split_heads(v, heads)
        )
    ]
    head_weights = np.stack([weights for _, weights, _ in per_head])
    attention = am.concat_heads(np.stack([out for _, _, out in per_head]))
    residual1 = x + attention
    norm1 = am.layer_norm(residual1)
    w1, b1 = am.weight_matrix("block_W1", d, ffn_dim), am.bias_vector("block_b1", ffn_dim)
    w2, b2 = am.weight_matrix("block_W2", ffn_dim, d), am.bias_vector("block_b2", d)
    hidden = am.relu(norm1 @ w1 + b1)
    ffn = hidden @ w2 + b2
    residual2 = norm1 + ffn
    return Block(
        x,
        head_weights,
        attention,
        residual1,
        norm1,
        hidden,
        ffn,
        residual2,
        am.layer_norm(residual2),
    )
