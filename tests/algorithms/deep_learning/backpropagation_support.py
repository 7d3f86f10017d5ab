"""What backpropagation's trace tests and frame tests both need."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import eigenvue

ID = "backpropagation"


def example(name: str) -> dict[str, Any]:
    """The inputs of one of backpropagation's named examples."""
    return eigenvue.get(ID).example(name).inputs


def sigmoid(z: Any) -> Any:
    """σ(z), written here independently of the plugin."""
    return 1.0 / (1.0 + np.exp(-z))


def make_the_loss_overflow(monkeypatch: pytest.MonkeyPatch, from_call: int) -> None:
    """Make the trace's loss +inf from its ``from_call``-th evaluation on, as an overflow would.

    Epoch ``n`` evaluates the loss for the ``n``-th time, so the run overflows at that epoch.
    """
    from algorithms.deep_learning.backpropagation import network as nn
    from algorithms.deep_learning.backpropagation import trace as trace_module

    calls = {"n": 0}
    real_loss = nn.loss

    def overflowing_loss(*args: Any) -> float:
        calls["n"] += 1
        return float("inf") if calls["n"] >= from_call else real_loss(*args)

    monkeypatch.setattr(trace_module.nn, "loss", overflowing_loss)
