"""The drawing parts: the vocabulary plugins compose their diagrams from.

Each part is created once per figure on an Axes the diagram made, with the
theme, and then updated per step: its ``update`` (or ``set_*``/``show``)
methods change only data, colours, text and visibility of artists made at
construction. Colours come from the theme by meaning.
"""

from eigenvue.drawing.parts.amplitudes import AmplitudesPart
from eigenvue.drawing.parts.array import ArrayPart
from eigenvue.drawing.parts.bars import BarsPart
from eigenvue.drawing.parts.bloch import BlochPart
from eigenvue.drawing.parts.circuit import CircuitPart
from eigenvue.drawing.parts.curve import CurvePart, decade_ticks, use_log_scale
from eigenvue.drawing.parts.function import FunctionPart
from eigenvue.drawing.parts.gap import GapPart
from eigenvue.drawing.parts.graph import GraphPart
from eigenvue.drawing.parts.grid import GridPart
from eigenvue.drawing.parts.network import NetworkDrawing, default_layer_names
from eigenvue.drawing.parts.path import PathPart
from eigenvue.drawing.parts.plane import PlanePart
from eigenvue.drawing.parts.strip import StripPart
from eigenvue.drawing.parts.table import TablePanel
from eigenvue.drawing.parts.token_strip import TokenStripPart

__all__ = [
    "AmplitudesPart",
    "ArrayPart",
    "BarsPart",
    "BlochPart",
    "CircuitPart",
    "CurvePart",
    "FunctionPart",
    "GapPart",
    "GraphPart",
    "GridPart",
    "NetworkDrawing",
    "PathPart",
    "PlanePart",
    "StripPart",
    "TablePanel",
    "TokenStripPart",
    "decade_ticks",
    "default_layer_names",
    "use_log_scale",
]
