"""The data API: list the catalogue, look an algorithm up, run it."""

from __future__ import annotations

import builtins
import difflib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from eigenvue.errors import UnknownAlgorithmError
from eigenvue.metadata import CATEGORIES
from eigenvue.plugins import get_registry

if TYPE_CHECKING:
    from eigenvue.algorithm import Algorithm
    from eigenvue.metadata import Metadata
    from eigenvue.step import Trace


@dataclass(frozen=True, slots=True)
class AlgorithmInfo:
    """A one-line summary of a registered algorithm, as :func:`list` returns it."""

    id: str
    name: str
    category: str
    description: str
    difficulty: str
    time_complexity: str
    space_complexity: str

    def __repr__(self) -> str:
        return (
            f"AlgorithmInfo(id={self.id!r}, name={self.name!r}, "
            f"category={self.category!r}, difficulty={self.difficulty!r})"
        )


def _info(algorithm: Algorithm) -> AlgorithmInfo:
    meta = algorithm.meta
    return AlgorithmInfo(
        id=meta.id,
        name=meta.name,
        category=meta.category,
        description=meta.description.short,
        difficulty=meta.difficulty,
        time_complexity=meta.complexity.time,
        space_complexity=meta.complexity.space,
    )


def list(category: str | None = None) -> builtins.list[AlgorithmInfo]:
    """List the registered algorithms, sorted by category, then display name.

    Parameters
    ----------
    category : str, optional
        Only algorithms of this category: ``"classical"``, ``"deep-learning"``,
        ``"generative-ai"`` or ``"quantum"``.

    Raises
    ------
    ValueError
        When ``category`` is not one of the four (message starts "Invalid category").
    """
    if category is not None and category not in CATEGORIES:
        raise ValueError(
            f"Invalid category {category!r}. Valid categories: {', '.join(sorted(CATEGORIES))}"
        )
    algorithms = get_registry().algorithms.values()
    infos = [_info(a) for a in algorithms if category is None or a.meta.category == category]
    return sorted(infos, key=lambda info: (info.category, info.name))


def get_algorithm(algorithm_id: str) -> Algorithm:
    """The registered :class:`~eigenvue.Algorithm` with this id.

    Raises
    ------
    ValueError
        Naming the unknown id, suggesting the closest and listing all ids.
    """
    algorithms = get_registry().algorithms
    if isinstance(algorithm_id, str) and algorithm_id in algorithms:
        return algorithms[algorithm_id]
    known = sorted(algorithms)
    close = difflib.get_close_matches(str(algorithm_id), known, n=1, cutoff=0.5)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise UnknownAlgorithmError(
        f"Unknown algorithm {algorithm_id!r}.{hint} Available algorithms: {', '.join(known)}"
    )


def get(algorithm_id: str) -> Metadata:
    """The full metadata of an algorithm (description, pseudocode, quiz, …)."""
    return get_algorithm(algorithm_id).meta


def trace(algorithm_id: str, inputs: dict[str, Any] | None = None) -> Trace:
    """Run an algorithm and return its trace as :class:`~eigenvue.Step` objects.

    Parameters
    ----------
    algorithm_id : str
        A registered id, e.g. ``"backpropagation"``.
    inputs : dict, optional
        Inputs by their camelCase names; a key left out takes its default.
        ``None`` runs the algorithm's default inputs.

    Raises
    ------
    eigenvue.InputError
        When an input breaks a rule (the message names the input).
    """
    return get_algorithm(algorithm_id).run(inputs)


def steps(algorithm_id: str, inputs: dict[str, Any] | None = None) -> builtins.list[dict[str, Any]]:
    """Run an algorithm and return its steps as plain dicts in the Eigenvue step format.

    The result is JSON-serialisable. Values that did not change between steps
    are shared between the step dicts: copy before mutating.

    Parameters
    ----------
    algorithm_id : str
        A registered id, e.g. ``"backpropagation"``.
    inputs : dict, optional
        Inputs by their camelCase names; ``None`` runs the defaults.
    """
    return trace(algorithm_id, inputs).to_dicts()


def example_inputs(algorithm_id: str, name: str) -> dict[str, Any]:
    """The inputs of a named example of an algorithm."""
    return dict(get(algorithm_id).example(name).inputs)


# Re-exported for type checkers.
