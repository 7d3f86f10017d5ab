"""The Markdown of the generated pages, checked without building a site."""

import json
import re
from typing import Annotated, Literal

import markdown
import pytest
from pydantic import AliasChoices, Field

import eigenvue
from eigenvue.docs.pages import (
    Card,
    algorithm_link,
    algorithm_page,
    catalogue_page,
    compact_json,
    complexity_html,
    fence,
    implementation_page,
    markdown_text,
)
from eigenvue.docs.parameters import parameters
from eigenvue.inputs import validate_inputs
from tests.docs_site import page_sections


class Sample(eigenvue.Inputs):
    """A model whose table is worked out by hand below."""

    sizes: list[Annotated[int, Field(ge=1)]] = Field(
        default=[2, 3], min_length=2, max_length=8, description="Neurons per layer."
    )
    rate: Annotated[float, Field(gt=0, le=10)] = Field(default=0.5, description="Step size.")
    mode: Literal["fast", "exact"] = Field(default="fast", description="How to compute.")
    label: str = Field(
        default="x",
        max_length=20,
        validation_alias=AliasChoices("label", "name"),
        description="Shown | in the frame.",
    )
    flag: bool | None = Field(default=None, description="Optional switch.")


def test_parameter_rows_of_a_hand_checked_model():
    rows = {row.name: row for row in parameters(Sample)}
    assert list(rows) == ["sizes", "rate", "mode", "label", "flag"]
    assert (rows["sizes"].type, rows["sizes"].allowed, rows["sizes"].default) == (
        "list of integer",
        "2 to 8 items; each ≥ 1",
        "[2, 3]",
    )
    assert (rows["rate"].type, rows["rate"].allowed) == ("number", "> 0 and ≤ 10")
    assert (rows["mode"].type, rows["mode"].allowed, rows["mode"].default) == (
        "string",
        'one of `"fast"`, `"exact"`',
        '"fast"',
    )
    assert rows["label"].aliases == ("name",)
    assert rows["label"].allowed == "at most 20 characters"
    assert (rows["flag"].type, rows["flag"].default) == ("boolean or null", "null")
    assert rows["sizes"].description == "Neurons per layer."


@pytest.mark.parametrize("info", eigenvue.list(), ids=lambda i: i.id)
def test_every_name_in_a_parameter_table_is_accepted_by_validation(info):
    algorithm = eigenvue.get_algorithm(info.id)
    model = algorithm.inputs_model
    rows = parameters(model)
    assert rows, "an algorithm with inputs has a non-empty table"
    for row in rows:
        for name in (row.name, *row.aliases):
            # The default for that name alone must validate, under that name:
            # the table shows the names and defaults the validator really uses.
            if row.default == "required":
                continue
            value = json.loads(row.default)
            try:
                validate_inputs(model, {name: value}, info.id)
            except eigenvue.InputError as exc:
                assert exc.input != name or "not an input" not in exc.rule, exc


def test_markdown_text_keeps_indexing_literal_and_links_working():
    text = markdown_text(
        "out[r][c] = Σ K[i][j]; see [the paper](https://example.org/p) or `a[i][j]`"
    )
    rendered = markdown.markdown(text)
    assert "out[r][c] = Σ K[i][j]" in rendered
    assert '<a href="https://example.org/p">the paper</a>' in rendered
    assert "<code>a[i][j]</code>" in rendered


def test_fence_survives_backticks_in_the_code():
    code = 'print("```")\nx = "````"'
    html = markdown.markdown(fence(code, "python"), extensions=["fenced_code"])
    assert "````" in html and "print" in html and html.count("<pre>") == 1


def test_compact_json_is_json_with_one_key_per_line():
    data = {"layerSizes": [2, 2, 1], "seed": "é", "nested": {"a": [1, 2]}}
    text = compact_json(data)
    assert json.loads(text) == data
    assert len(text.splitlines()) == len(data) + 2


def test_a_link_to_an_unregistered_algorithm_is_plain_text():
    names = {"quicksort": "QuickSort"}
    assert algorithm_link("quicksort", names) == "[QuickSort](quicksort.md)"
    plain = algorithm_link("no-such-algorithm", names)
    assert "no-such-algorithm" in plain and "](" not in plain


def _headings(page: str, level: str = "## ") -> list[str]:
    in_code = False
    found = []
    for line in page.splitlines():
        if line.startswith("```"):
            in_code = not in_code
        elif not in_code and line.startswith(level):
            found.append(re.sub(r"\s*\{[^{}]*\}$", "", line[len(level) :]))
    return found


@pytest.mark.parametrize("info", eigenvue.list(), ids=lambda i: i.id)
def test_algorithm_page_has_every_section_in_order(info):
    algorithm = eigenvue.get_algorithm(info.id)
    meta = algorithm.meta
    page = algorithm_page(
        algorithm,
        player="<div>player</div>",
        example_players=["<div>example</div>"] * len(meta.examples),
        names={info.id: meta.name},
        charts="### A chart\n\n![Chart](x.png)" if algorithm.charts else "",
    )
    expected = page_sections(meta, charts=bool(algorithm.charts))
    assert _headings(page) == expected
    # Front matter first: no sidebars beside the player.
    assert page.startswith("---\nhide:\n  - navigation\n  - toc\n---\n\n")
    assert f"\n# {meta.name}\n" in page


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("O(Σ n_l × n_{l+1})", "O(Σ n<sub>l</sub> × n<sub>l+1</sub>)"),
        ("O(2^n * g)", "O(2<sup>n</sup> × g)"),
        ("O(n log n)", "O(n log n)"),
        ("O(V + E) <worst>", "O(V + E) &lt;worst&gt;"),
    ],
)
def test_complexity_is_written_as_a_reader_writes_it(written, shown):
    assert complexity_html(written) == shown


def test_an_example_with_the_default_inputs_and_extra_state_are_explained():
    algorithm = eigenvue.get_algorithm(eigenvue.list()[0].id)
    meta = algorithm.meta.model_copy(update={"extra_state": ["comparisons", "swaps"]})
    copy = eigenvue.Algorithm(
        meta=meta,
        inputs_model=algorithm.inputs_model,
        trace_ref=algorithm.trace_ref,
        package=algorithm.package,
        folder=algorithm.folder,
    )
    page = algorithm_page(copy, player="", example_players=[""] * len(meta.examples), names={})
    differences = page.split("## Differences from Eigenvue", 1)[1]
    assert "### State keys added beyond Eigenvue" in differences
    assert "`comparisons`, `swaps`" in differences


def test_only_the_ideas_go_in_the_search_index():
    algorithm = eigenvue.get_algorithm(eigenvue.list()[0].id)
    meta = algorithm.meta
    page = algorithm_page(algorithm, player="", example_players=[""] * len(meta.examples), names={})
    excluded = [h for h in _headings(page, "## ") if h]
    raw = [line for line in page.splitlines() if line.startswith("## ")]
    for section in ("Try It", "Default Inputs", "Parameters", "Pseudocode", "Implementation"):
        assert f"## {section} {{ data-search-exclude }}" in raw
    for section in ("Input Examples", "Quiz", "Further Reading"):
        assert f"## {section} {{ data-search-exclude }}" in raw
    for section in ("Overview", "Key Concepts", "Common Pitfalls"):
        assert f"## {section}" in raw
    assert excluded == page_sections(meta)


def test_the_implementation_has_a_page_of_its_own_out_of_the_search():
    algorithm = eigenvue.get_algorithm(eigenvue.list()[0].id)
    meta = algorithm.meta
    page = algorithm_page(algorithm, player="", example_players=[""] * len(meta.examples), names={})
    implementation = page.split("## Implementation", 1)[1].split("\n## ", 1)[0]
    assert f"]({meta.id}/implementation.md)" in implementation
    assert "```" not in implementation  # no code on the algorithm's page
    code = implementation_page(algorithm)
    assert code.startswith("---\nsearch:\n  exclude: true\n")
    for name in algorithm.source_files:
        if (algorithm.folder / name).is_file():
            assert f'=== "{name}"' in code
            first = (algorithm.folder / name).read_text(encoding="utf-8").splitlines()[0]
            assert first in code
    assert f"](../{meta.id}.md)" in code


def test_catalogue_groups_cards_by_category_in_catalogue_order():
    def card(i, category):
        return Card(
            f"a{i}", f"Algo {i}", category, "beginner", "One line.", "O(n)", "O(1)", f"a{i}.md"
        )

    page = catalogue_page([card(1, "quantum"), card(2, "classical"), card(3, "quantum")])
    assert _headings(page) == ["Classical", "Quantum"]
    quantum = page.split("## Quantum", 1)[1]
    assert "[Algo 1](a1.md)" in quantum and "[Algo 3](a3.md)" in quantum
    assert "Algo 2" not in quantum
