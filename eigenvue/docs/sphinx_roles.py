"""A griffe extension for the API reference: Sphinx cross-reference roles as inline code.

eigenvue's docstrings name other objects the Sphinx way (``:func:`eigenvue.steps```,
``:class:`~matplotlib.figure.SubFigure```), which mkdocstrings would show
verbatim. This turns each role into inline code of the name a reader expects:
the full target, or its last part after ``~``. Enable it in mkdocs.yml under
the python handler's ``options: extensions: [eigenvue.docs.sphinx_roles]``.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

# :role:`target`, :role:`~target`, :role:`text <target>`, with an optional domain (:py:func:).
_ROLE = re.compile(r":(?:py:)?(?:func|meth|class|mod|attr|data|obj|exc|const):`([^`]+)`")


def plain_roles(text: str) -> str:
    """Replace every Sphinx role in ``text`` by inline code of what it names.

    >>> plain_roles("See :func:`eigenvue.steps` and :class:`~matplotlib.figure.Figure`.")
    'See `eigenvue.steps` and `Figure`.'
    """

    def replace(match: re.Match[str]) -> str:
        target = match.group(1).strip()
        labelled = re.fullmatch(r"(.+?)\s*<(.+)>", target)
        if labelled:
            return f"`{labelled.group(1)}`"
        if target.startswith("~"):
            target = target[1:].rsplit(".", 1)[-1]
        return f"`{target}`"

    return _ROLE.sub(replace, text)


class SphinxRoles(griffe.Extension):
    """Rewrites Sphinx roles in every docstring griffe loads."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Rewrite the docstring of each object as it is created."""
        if obj.docstring is not None:
            obj.docstring.value = plain_roles(obj.docstring.value)
