"""The hooks an eigenvue plugin can implement.

A plugin is any module (or object) with functions marked ``@eigenvue.hookimpl``
whose names match the specifications below. Built-in algorithms and
third-party packages use exactly the same hooks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from eigenvue.algorithm import Algorithm

hookspec = pluggy.HookspecMarker("eigenvue")
hookimpl = pluggy.HookimplMarker("eigenvue")


# -- Registering algorithms ---------------------------------------------------


@hookspec
def register_algorithms(register: Callable[[Algorithm], None]) -> None:
    """Register one or more algorithms with eigenvue.

    Called once, the first time the registry is needed (``eigenvue.list()``,
    ``eigenvue.steps()``, the command line, the docs build). Call
    ``register(algorithm)`` for each :class:`eigenvue.Algorithm` the plugin
    provides; the core validates each one and rejects a duplicate id.

    Parameters
    ----------
    register : callable
        ``register(algorithm: eigenvue.Algorithm) -> None``.

    Examples
    --------
    >>> import eigenvue
    >>> @eigenvue.hookimpl
    ... def register_algorithms(register):
    ...     register(eigenvue.Algorithm.from_package(__name__))
    """
