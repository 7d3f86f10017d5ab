"""The Markdown of the generated pages: one per algorithm, and the catalogue index.

Everything here is a pure function of the metadata and of the HTML blocks the
plugin hands in (players, thumbnails), so the pages can be checked without
building a site. Metadata text is Markdown written by the plugin's author and
goes in as such; values placed inside HTML are escaped.
"""

from __future__ import annotations

import html
import json
import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from eigenvue.docs.parameters import parameters
from eigenvue.metadata import CATEGORIES

if TYPE_CHECKING:
    from eigenvue.algorithm import Algorithm

#: How the catalogue names each category, in catalogue order.
CATEGORY_TITLES: dict[str, str] = {
    "classical": "Classical",
    "deep-learning": "Deep learning",
    "generative-ai": "Generative AI",
    "quantum": "Quantum",
}
assert set(CATEGORY_TITLES) == set(CATEGORIES), "every category needs a title"

_INDENT = "    "
# Only the ideas go in the search index (which every page downloads at first load):
# the name, the overview, the key concepts and the pitfalls; code, data, quiz and links
# stay out, or 23 algorithms' index alone would pass a page's byte budget.
_NOT_SEARCHED = "{ data-search-exclude }"
# Inputs as plain text: highlighted, a graph's JSON takes five times the bytes.
_JSON = "text"


@dataclass(frozen=True)
class Card:
    """What the catalogue shows of one algorithm.

    Attributes
    ----------
    id, name, category, difficulty, description, time, space : str
        From the metadata (``description`` is the one-line summary).
    link : str
        The algorithm page, relative to the catalogue index (``"backpropagation.md"``).
    thumbnail_light, thumbnail_dark : str or None
        Thumbnail images, relative to the catalogue index; None when there are no frames.
    alt : str
        Alt text of the thumbnail: the title and explanation of the step it shows.
    """

    id: str
    name: str
    category: str
    difficulty: str
    description: str
    time: str
    space: str
    link: str
    thumbnail_light: str | None = None
    thumbnail_dark: str | None = None
    alt: str = ""


# -- small helpers -----------------------------------------------------------


def fence(code: str, language: str = "", options: str = "") -> str:
    """A fenced code block whose fence is longer than any backtick run in ``code``."""
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    ticks = "`" * max(3, longest + 1)
    head = " ".join(part for part in (language, options) if part)
    return f"{ticks}{head}\n{code.rstrip()}\n{ticks}"


def indent(text: str, level: int = 1) -> str:
    """Indent every non-blank line (the body of a tab, an admonition or a list item)."""
    return textwrap.indent(text, _INDENT * level)


# A code span, or an inline link ``[text](target)``: kept as written by ``markdown_text``.
_KEEP = re.compile(r"(`+)(?:.|\n)*?(?<!`)\1(?!`)|\[[^\[\]\n]*\]\([^()\s]+\)")


def markdown_text(text: str) -> str:
    """Metadata text as Markdown, with square brackets outside links and code made literal.

    Metadata writes indexing as maths does (``δ[l]``, ``K[i][j]``); unescaped, a pair
    such as ``[i][j]`` is a Markdown reference link and would be resolved (and fail).
    """
    out, position = [], 0
    for match in _KEEP.finditer(text):
        out.append(re.sub(r"([\[\]])", r"\\\1", text[position : match.start()]))
        out.append(match.group(0))
        position = match.end()
    out.append(re.sub(r"([\[\]])", r"\\\1", text[position:]))
    return "".join(out)


def prose(text: str) -> str:
    """Metadata prose (a TOML multi-line string) as Markdown paragraphs."""
    return markdown_text(textwrap.dedent(text).strip())


def escape_link_text(text: str) -> str:
    """Text safe inside ``[...]`` of a Markdown link or image."""
    return re.sub(r"([\[\]\\])", r"\\\1", text)


def compact_json(data: Mapping[str, Any]) -> str:
    """A JSON object with one key per line and each value on one line: easy to read and copy."""
    if not data:
        return "{}"
    lines = [
        f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}"
        for key, value in data.items()
    ]
    return "{\n" + ",\n".join(lines) + "\n}"


# A subscript or superscript as a complexity string writes it: ``n_{l+1}``, ``n_l``, ``2^n``.
_SCRIPT = re.compile(r"([_^])(?:\{([^{}]*)\}|([A-Za-z0-9]+|[+\-−]?[A-Za-z0-9]))")


def complexity_html(text: str) -> str:
    """A complexity as a reader writes it: ``O(Σ n_l × n_{l+1})`` → O(Σ n<sub>l</sub> × n<sub>l+1</sub>).

    Subscripts (``_x``, ``_{...}``) and superscripts (``^x``, ``^{...}``) become
    ``<sub>``/``<sup>``; ``*`` between factors becomes ``×``; everything else is
    escaped and kept as written.
    """
    out, position = [], 0
    for match in _SCRIPT.finditer(text):
        out.append(html.escape(text[position : match.start()]))
        tag = "sub" if match.group(1) == "_" else "sup"
        inner = match.group(2) if match.group(2) is not None else match.group(3)
        out.append(f"<{tag}>{html.escape(inner)}</{tag}>")
        position = match.end()
    out.append(html.escape(text[position:]))
    return re.sub(r"\s\*\s", " × ", "".join(out))


def badge(text: str, kind: str, label: str | None = None, *, markup: str | None = None) -> str:
    """An inline badge; ``label`` is a muted prefix such as "Time".

    ``markup`` is HTML shown instead of the escaped ``text`` (a complexity with subscripts).
    """
    prefix = f'<span class="ev-badge__label">{html.escape(label)}</span> ' if label else ""
    body = markup if markup is not None else html.escape(text)
    return f'<span class="ev-badge ev-badge--{kind}">{prefix}{body}</span>'


def badges(category: str, difficulty: str, time: str, space: str) -> str:
    """The category, difficulty and complexity badges of an algorithm, as one HTML line."""
    return " ".join(
        [
            badge(CATEGORY_TITLES.get(category, category), f"category ev-badge--{category}"),
            badge(difficulty.capitalize(), f"difficulty ev-badge--{difficulty}"),
            badge(time, "complexity", "Time", markup=complexity_html(time)),
            badge(space, "complexity", "Space", markup=complexity_html(space)),
        ]
    )


def algorithm_link(other: str, names: Mapping[str, str]) -> str:
    """A link to another algorithm's page when it is registered; its plain id otherwise."""
    if other in names:
        return f"[{escape_link_text(names[other])}]({other}.md)"
    return f"{other} <small>(not in this catalogue)</small>"


# -- the algorithm page ------------------------------------------------------


def algorithm_page(
    algorithm: Algorithm,
    *,
    player: str,
    example_players: Sequence[str],
    names: Mapping[str, str],
    charts: str = "",
) -> str:
    """The Markdown of an algorithm's page, sections in the catalogue's fixed order.

    Parameters
    ----------
    algorithm : eigenvue.Algorithm
        The registered algorithm.
    player : str
        HTML (or Markdown) shown under *Try It*: the player of the default trace.
    example_players : sequence of str
        One block per example of ``algorithm.meta.examples``, in order.
    names : mapping
        Registered ids to display names, for *Related Algorithms* and *Prerequisites*.
    charts : str
        Markdown of the algorithm's charts (see :func:`charts_section`), shown under
        *Measured Cost* after the player; empty: no such section.
    """
    meta = algorithm.meta
    if len(example_players) != len(meta.examples):
        raise ValueError("one player per example is needed")
    parts = [
        # The player needs the width: no sidebars beside it, so frames show at the size
        # they are drawn (the site's tabs, the search and the footer links still lead on).
        "---\nhide:\n  - navigation\n  - toc\n---",
        f"# {meta.name}",
        f'<p class="ev-badges">{badges(meta.category, meta.difficulty, meta.complexity.time, meta.complexity.space)}</p>',
        f'<p class="ev-lead">{html.escape(meta.description.short)}</p>',
        "## Overview",
        prose(meta.description.long),
        f"## Try It {_NOT_SEARCHED}",
        _try_it(meta.id),
        player,
        *([f"## Measured Cost {_NOT_SEARCHED}", charts] if charts else []),
        f"## Default Inputs {_NOT_SEARCHED}",
        "The inputs the player above runs on; every input left out takes its default.",
        fence(compact_json(meta.defaults), _JSON),
        f"## Input Examples {_NOT_SEARCHED}",
        _examples(algorithm, example_players),
        f"## Parameters {_NOT_SEARCHED}",
        _parameter_table(algorithm),
        f"## Pseudocode {_NOT_SEARCHED}",
        "The player highlights the lines each step is at.",
        fence(meta.pseudocode.strip("\n"), "text", 'linenums="1"'),
        f"## Implementation {_NOT_SEARCHED}",
        _implementation(algorithm),
        "## Key Concepts",
        _titled_paragraphs(meta.key_concepts, "No key concepts are recorded yet."),
        "## Common Pitfalls",
        _pitfalls(meta.pitfalls),
        f"## Quiz {_NOT_SEARCHED}",
        _quiz(meta.quiz),
        f"## Further Reading {_NOT_SEARCHED}",
        _further_reading(meta.further_reading),
        f"## Related Algorithms {_NOT_SEARCHED}",
        _links(meta.related, names, "None recorded."),
        f"## Prerequisites {_NOT_SEARCHED}",
        _links(meta.prerequisites, names, "None: a good place to start."),
    ]
    if meta.differences or meta.extra_state:
        parts += [f"## Differences from Eigenvue {_NOT_SEARCHED}", _differences(meta)]
    return "\n\n".join(part for part in parts if part) + "\n"


def _differences(meta: Any) -> str:
    parts = []
    if meta.differences:
        parts += [
            "Where this implementation deliberately departs from Eigenvue 1.0.2, and why.",
            _titled_paragraphs(meta.differences, ""),
        ]
    if meta.extra_state:
        keys = ", ".join(f"`{key}`" for key in meta.extra_state)
        parts += [
            "### State keys added beyond Eigenvue",
            f"Each step's state also holds {keys}, which Eigenvue 1.0.2's steps do not "
            "have; everything else in the state is as Eigenvue records it.",
        ]
    return "\n\n".join(parts)


def charts_section(charts: Sequence[tuple[str, str, str, Mapping[str, Any]]]) -> str:
    """The Markdown of an algorithm's charts: a heading and a light and a dark image each.

    Parameters
    ----------
    charts : sequence of (title, light image, dark image, info)
        Image paths relative to the catalogue folder; ``info`` may give the
        image's ``width`` and ``height`` in pixels.
    """
    blocks = []
    for title, light, dark, info in charts:
        attributes = "loading=lazy"
        if info.get("width") and info.get("height"):
            attributes += f' width="{int(info["width"])}" height="{int(info["height"])}"'
        alt = escape_link_text(f"Chart: {title}")
        blocks.append(
            f"### {markdown_text(title)}\n\n"
            f'<figure class="ev-chart" markdown>\n\n'
            f"![{alt}]({light}#only-light){{ {attributes} }}"
            f"![{alt}]({dark}#only-dark){{ {attributes} }}\n\n</figure>"
        )
    return "\n\n".join(blocks)


def _try_it(algorithm_id: str) -> str:
    python = fence(
        f'import eigenvue\n\neigenvue.show("{algorithm_id}")  # step through it\n'
        f'steps = eigenvue.steps("{algorithm_id}")  # the steps as plain dicts',
        "python",
    )
    cli = fence(f"eigenvue show {algorithm_id}\neigenvue steps {algorithm_id} --json", "bash")
    return "\n\n".join(
        [
            '=== "Python"',
            indent(python),
            '=== "Command line"',
            indent(cli),
            "Or step through the default run right here:",
        ]
    )


def _examples(algorithm: Algorithm, players: Sequence[str]) -> str:
    meta = algorithm.meta
    if not meta.examples:
        return "This algorithm has no named examples yet."
    blocks = []
    for example, player in zip(meta.examples, players):
        text = [f"### {markdown_text(example.name)} {_NOT_SEARCHED}"]
        if example.description:
            text.append(prose(example.description))
        text.append(fence(compact_json(example.inputs), _JSON))
        text.append(player)
        blocks.append("\n\n".join(text))
    return "\n\n".join(blocks)


def _cell(text: str) -> str:
    # A table cell is one line; a pipe would end it.
    return " ".join(text.split()).replace("|", "\\|")


def _parameter_table(algorithm: Algorithm) -> str:
    rows = parameters(algorithm.inputs_model)
    if not rows:
        return "This algorithm takes no inputs."
    lines = [
        "| Name | Type | Allowed values | Default | Meaning |",
        "| --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        name = f"`{row.name}`"
        if row.aliases:
            name += " (or " + ", ".join(f"`{a}`" for a in row.aliases) + ")"
        default = row.default if row.default == "required" else f"`{row.default}`"
        cells = [name, row.type, row.allowed or "any", default, row.description]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    table = "\n".join(lines)
    return f'<div class="ev-parameters" markdown>\n\n{table}\n\n</div>'


def _source_files(algorithm: Algorithm) -> list[tuple[str, str]]:
    files = []
    if algorithm.folder is not None:
        for name in algorithm.source_files:
            path = algorithm.folder / name
            if path.is_file():
                files.append((name, path.read_text(encoding="utf-8")))
    return files


def _implementation(algorithm: Algorithm) -> str:
    files = _source_files(algorithm)
    where = f"`{algorithm.package}`" if algorithm.package else "its plugin"
    if not files:
        return f"The implementation lives in {where}."
    names = ", ".join(f"`{name}`" for name, _ in files)
    lines = sum(source.count("\n") + 1 for _, source in files)
    return (
        f"The implementation, from the plugin package {where}: {names} ({lines} lines). "
        "It computes the algorithm and records each step; the pictures are drawn separately "
        "from the recorded state.\n\n"
        f"[Read the implementation]({algorithm.id}/implementation.md){{ .md-button }}"
    )


def implementation_page(algorithm: Algorithm) -> str:
    """The Markdown of an algorithm's implementation page: its source files, one tab each.

    A page of its own (out of the navigation and the search index), so that the
    algorithm's page stays light to load; that page links here.
    """
    meta = algorithm.meta
    files = _source_files(algorithm)
    where = f"`{algorithm.package}`" if algorithm.package else "its plugin"
    parts = [
        "---\nsearch:\n  exclude: true\nhide:\n  - navigation\n  - toc\n---",
        f"# {meta.name}: implementation",
        f"The files of the plugin package {where} that compute the steps. "
        f"[Back to {escape_link_text(meta.name)}](../{meta.id}.md).",
    ]
    for name, source in files:
        language = "python" if name.endswith(".py") else ""
        parts.append(f'=== "{name}"\n\n{indent(fence(source, language))}')
    if not files:
        parts.append(f"The implementation lives in {where}.")
    return "\n\n".join(parts) + "\n"


def _titled_paragraphs(items: Sequence[Any], empty: str) -> str:
    if not items:
        return empty
    return "\n\n".join(
        f"### {markdown_text(item.title)}\n\n{prose(item.description)}" for item in items
    )


def _pitfalls(items: Sequence[Any]) -> str:
    if not items:
        return "No common pitfalls are recorded yet."
    entries = []
    for item in items:
        first, *rest = prose(item.description).split("\n\n")
        entry = f"- **{markdown_text(item.title)}.** {first}"
        if rest:
            entry += "\n\n" + indent("\n\n".join(rest))
        entries.append(entry)
    return "\n".join(entries)


def _quiz(questions: Sequence[Any]) -> str:
    if not questions:
        return "No quiz questions yet."
    blocks = []
    for number, question in enumerate(questions, 1):
        letters = [chr(ord("A") + i) for i in range(len(question.options))]
        options = "\n".join(
            f"- **{letter}.** {markdown_text(option)}"
            for letter, option in zip(letters, question.options)
        )
        answer = (
            f"**{letters[question.correct]}. {markdown_text(question.options[question.correct])}**\n\n"
            f"{prose(question.explanation)}"
        )
        body = "\n\n".join(
            [prose(question.question), options, f'??? success "Show answer"\n\n{indent(answer)}']
        )
        blocks.append(f'!!! question "Question {number}"\n\n{indent(body)}')
    return "\n\n".join(blocks)


def _further_reading(readings: Sequence[Any]) -> str:
    if not readings:
        return "No further reading is recorded yet."
    return "\n".join(
        f"- [{escape_link_text(r.title)}]({r.url}) <small>({r.type})</small>" for r in readings
    )


def _links(ids: Sequence[str], names: Mapping[str, str], empty: str) -> str:
    if not ids:
        return empty
    return "\n".join(f"- {algorithm_link(other, names)}" for other in ids)


# -- the catalogue index ------------------------------------------------------


def catalogue_page(cards: Sequence[Card], title: str = "Catalogue") -> str:
    """The catalogue index: a grid of cards per category, categories in catalogue order."""
    by_category: dict[str, list[Card]] = {}
    for card in cards:
        by_category.setdefault(card.category, []).append(card)
    count = len(cards)
    parts = [
        # Front matter: without the table of contents the cards get the page's full width.
        "---\nhide:\n  - toc\n---",
        f"# {title}",
        f"{count} algorithm{'s' * (count != 1)} in {len(by_category)} "
        f"categor{'ies' if len(by_category) != 1 else 'y'}. Each page explains the idea, "
        "steps through a run picture by picture, and ends with a short quiz.",
    ]
    order = [c for c in CATEGORY_TITLES if c in by_category]
    order += sorted(c for c in by_category if c not in CATEGORY_TITLES)
    for category in order:
        parts.append(f"## {CATEGORY_TITLES.get(category, category)}")
        items = "\n\n".join(_card(card) for card in by_category[category])
        parts.append(f'<div class="grid cards ev-cards" markdown>\n\n{items}\n\n</div>')
    return "\n\n".join(parts) + "\n"


def _card(card: Card) -> str:
    lines = []
    if card.thumbnail_light and card.thumbnail_dark:
        alt = escape_link_text(card.alt or card.name)
        images = (
            f"![{alt}]({card.thumbnail_light}#only-light){{ loading=lazy }}"
            f"![{alt}]({card.thumbnail_dark}#only-dark){{ loading=lazy }}"
        )
        lines.append(f"[{images}]({card.link}){{ .ev-card__thumbnail }}")
    lines.append(f"**[{escape_link_text(card.name)}]({card.link})**")
    lines.append(markdown_text(card.description))
    lines.append(
        badge(card.difficulty.capitalize(), f"difficulty ev-badge--{card.difficulty}")
        + " "
        + badge(card.time, "complexity", "Time", markup=complexity_html(card.time))
        + " "
        + badge(card.space, "complexity", "Space", markup=complexity_html(card.space))
    )
    first, *rest = lines
    return f"-   {first}\n\n" + "\n\n".join(indent(line) for line in rest)
