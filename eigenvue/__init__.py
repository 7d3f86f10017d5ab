"""eigenvue: a catalogue of algorithms that teaches by showing.

>>> import eigenvue
>>> [a.id for a in eigenvue.list("deep-learning")][:1]
['backpropagation']
>>> steps = eigenvue.steps("backpropagation")
>>> steps[-1]["id"]
'complete'

Importing this package is cheap: plugins, numpy-heavy code and matplotlib
load on first use.
"""

from __future__ import annotations

import builtins
import importlib
from typing import TYPE_CHECKING, Any

from eigenvue.errors import InputError, PluginError, TraceError, UnknownAlgorithmError
from eigenvue.hookspecs import hookimpl

__version__ = "2.0.0.dev0"

if TYPE_CHECKING:
    from eigenvue.algorithm import Algorithm
    from eigenvue.api import AlgorithmInfo, example_inputs, get, get_algorithm, list, steps, trace
    from eigenvue.display import jupyter, show
    from eigenvue.export import render
    from eigenvue.inputs import Finite, Inputs
    from eigenvue.metadata import Metadata
    from eigenvue.prng import StringRandom
    from eigenvue.step import Step, Trace

# Public name -> module that defines it, imported on first attribute access (PEP 562).
_LAZY = {
    "Algorithm": "eigenvue.algorithm",
    "AlgorithmInfo": "eigenvue.api",
    "get_algorithm": "eigenvue.api",
    "example_inputs": "eigenvue.api",
    "get": "eigenvue.api",
    "list": "eigenvue.api",
    "steps": "eigenvue.api",
    "trace": "eigenvue.api",
    "Finite": "eigenvue.inputs",
    "Inputs": "eigenvue.inputs",
    "Metadata": "eigenvue.metadata",
    "StringRandom": "eigenvue.prng",
    "Step": "eigenvue.step",
    "Trace": "eigenvue.step",
    "show": "eigenvue.display",
    "jupyter": "eigenvue.display",
    "render": "eigenvue.export",
}

__all__ = [
    "Algorithm",
    "AlgorithmInfo",
    "Finite",
    "InputError",
    "Inputs",
    "Metadata",
    "PluginError",
    "Step",
    "StringRandom",
    "Trace",
    "TraceError",
    "UnknownAlgorithmError",
    "__version__",
    "example_inputs",
    "get",
    "get_algorithm",
    "hookimpl",
    "jupyter",
    "list",
    "render",
    "show",
    "steps",
    "trace",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'eigenvue' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


# builtins.list: the name list here is the public eigenvue.list.
def __dir__() -> builtins.list[str]:
    return sorted(__all__)
