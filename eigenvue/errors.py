"""The exceptions eigenvue raises to its users."""

from __future__ import annotations


class InputError(ValueError):
    """An algorithm input broke a rule.

    Raised at the door, before any computation, by :func:`eigenvue.steps`,
    :func:`eigenvue.trace` and everything built on them.

    Parameters
    ----------
    input : str
        The name of the offending input as the user wrote it, with an index
        where it points inside a list (``"layerSizes[1]"``).
    rule : str
        What the input must be, in words (``"must be an integer ≥ 1, got 0"``).
    algorithm : str, optional
        The algorithm id, when known.
    """

    def __init__(self, input: str, rule: str, algorithm: str | None = None) -> None:
        self.input = input
        self.rule = rule
        self.algorithm = algorithm
        where = f"{algorithm}: " if algorithm else ""
        super().__init__(f"{where}input {input!r} {rule}")


class UnknownAlgorithmError(ValueError):
    """No registered algorithm has the requested id."""


class PluginError(RuntimeError):
    """The registry of plugins is inconsistent (for example, two plugins claim one id)."""


class TraceError(RuntimeError):
    """An algorithm produced a trace that breaks the step-format invariants.

    This is a bug in the plugin, not in the user's input.
    """
