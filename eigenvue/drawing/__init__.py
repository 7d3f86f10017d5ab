"""Drawing: the theme, the base class of plugins' diagrams, and shared drawing helpers.

Everything here imports matplotlib; nothing in :mod:`eigenvue`'s import path
imports this package, so ``import eigenvue`` stays light.
"""

from eigenvue.drawing.diagram import Diagram
from eigenvue.drawing.theme import THEMES, Theme, get_theme

__all__ = ["THEMES", "Diagram", "Theme", "get_theme"]
