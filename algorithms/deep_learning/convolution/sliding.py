"""Valid 2-D cross-correlation (the "convolution" of deep learning), in numpy.

Pure numerics: no steps, no plotting. The kernel slides unflipped over the
input with stride 1 and no padding, as in Eigenvue's step format and in deep-
learning libraries.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

Array = np.ndarray


def output_shape(input_shape: tuple[int, int], kernel_shape: tuple[int, int]) -> tuple[int, int]:
    """(H − kH + 1, W − kW + 1): the number of positions where the kernel fits."""
    (h, w), (kh, kw) = input_shape, kernel_shape
    return h - kh + 1, w - kw + 1


def products(grid: Array, kernel: Array) -> Array:
    """The element-wise products at every position.

    Returns an array of shape ``(outH, outW, kH, kW)`` whose ``[r, c]`` is
    ``grid[r : r + kH, c : c + kW] * kernel``: the window under the kernel
    placed with its top-left corner on input cell (r, c), times the kernel.
    """
    windows = sliding_window_view(grid, kernel.shape)  # a view: no copy of the input
    return windows * kernel


def cross_correlate(grid: Array, kernel: Array) -> tuple[Array, Array]:
    """The valid cross-correlation of ``grid`` with ``kernel``, and the products it summed.

    Returns ``(output, products)``: ``output[r, c] = Σ products[r, c]``, of shape
    ``(outH, outW)``.
    """
    every = products(grid, kernel)
    return every.sum(axis=(2, 3)), every
