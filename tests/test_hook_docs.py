"""The contributor docs cover every hook and every metadata field, so they cannot drift.

Hooks are read from ``eigenvue/hookspecs.py`` (and cross-checked with pluggy); each must
appear in ``docs/`` with its full signature and an example implementing it. Metadata
fields are read from the pydantic models; each must have its row in the table of
``docs/contributing.md``, naming its sub-fields, allowed values and numeric limits.
"""

import ast
import re
import typing
from pathlib import Path

import pluggy
import pytest
from pydantic import BaseModel

from eigenvue import hookspecs
from eigenvue.metadata import Metadata

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"


def _squash(text: str) -> str:
    return " ".join(text.split())


def hook_signatures(source: str) -> dict[str, str]:
    """``{name: "name(arg: Type) -> Return"}`` for each ``@hookspec`` function of a module's source."""
    hooks = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef) and any(
            ast.unparse(d).endswith("hookspec") for d in node.decorator_list
        ):
            returns = f" -> {ast.unparse(node.returns)}" if node.returns else ""
            hooks[node.name] = f"{node.name}({ast.unparse(node.args)}){returns}"
    return hooks


def undocumented_hooks(source: str, docs: str) -> list[str]:
    """The hooks whose signature, or an example implementing them, the docs lack."""
    flat = _squash(docs)
    missing = []
    for name, signature in hook_signatures(source).items():
        example = re.search(rf"@eigenvue\.hookimpl\s+def {name}\(", docs)
        if _squash(signature) not in flat or not example:
            missing.append(name)
    return missing


def _all_docs() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(DOCS.rglob("*.md")))


HOOKSPECS_SOURCE = Path(hookspecs.__file__).read_text(encoding="utf-8")


def test_the_source_parse_finds_exactly_the_hooks_pluggy_knows():
    pm = pluggy.PluginManager("eigenvue")
    pm.add_hookspecs(hookspecs)
    known = {name for name in vars(pm.hook) if not name.startswith("_")}
    assert set(hook_signatures(HOOKSPECS_SOURCE)) == known
    assert known  # at least the one hook


def test_every_hook_is_documented_with_its_signature_and_an_example():
    assert undocumented_hooks(HOOKSPECS_SOURCE, _all_docs()) == []


def test_the_hook_page_shows_the_exact_signature():
    signature = hook_signatures(HOOKSPECS_SOURCE)["register_algorithms"]
    assert signature == "register_algorithms(register: Callable[[Algorithm], None]) -> None"
    assert signature in (DOCS / "hooks.md").read_text(encoding="utf-8")


def test_a_new_hook_without_docs_is_caught():
    source = HOOKSPECS_SOURCE + (
        "\n\n@hookspec\ndef extra_hook(trace: Trace, theme: str) -> list[str]:\n"
        '    """A hook added later."""\n'
    )
    docs = _all_docs()
    assert undocumented_hooks(source, docs) == ["extra_hook"]
    signature_only = docs + "\n`extra_hook(trace: Trace, theme: str) -> list[str]`\n"
    assert undocumented_hooks(source, signature_only) == ["extra_hook"]
    with_example = signature_only + "\n@eigenvue.hookimpl\ndef extra_hook(trace, theme):\n"
    assert undocumented_hooks(source, with_example) == []


# -- metadata fields ------------------------------------------------------------------------------


def _metadata_table() -> dict[str, str]:
    """The rows of the field table in contributing.md, by field name (TOML brackets removed)."""
    text = (DOCS / "contributing.md").read_text(encoding="utf-8")
    section = text.split("### `meta.toml`", 1)[1].split("\n### ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        match = re.fullmatch(r"`\[*([a-z_]+)\]*`", cells[0]) if line.startswith("|") else None
        if match:
            rows[match.group(1)] = line
    return rows


def _model_of(annotation) -> type[BaseModel] | None:
    for candidate in (annotation, *typing.get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _literal_values(annotation) -> list[str]:
    if typing.get_origin(annotation) is typing.Literal:
        return list(typing.get_args(annotation))
    return [v for arg in typing.get_args(annotation) for v in _literal_values(arg)]


def _limits(field) -> list[str]:
    """The numbers and patterns a field's constraints hold (max_length=120 → "120")."""
    found = []
    for constraint in field.metadata:
        for attribute in ("min_length", "max_length", "ge", "gt", "le", "lt"):
            value = getattr(constraint, attribute, None)
            # A minimum length of 1 is "not empty"; larger numbers must be stated.
            if value is not None and not (attribute == "min_length" and value == 1):
                found.append(str(value))
        pattern = getattr(constraint, "pattern", None)
        if pattern:
            found.append(pattern)
    return found


def _requirements(name: str, field) -> list[str]:
    """What the row of a top-level field must mention: sub-fields, allowed values, limits."""
    needed = [f"`{v}`" for v in _literal_values(field.annotation)] + _limits(field)
    model = _model_of(field.annotation) or next(
        (m for a in typing.get_args(field.annotation) if (m := _model_of(a))), None
    )
    if model is not None:
        for sub_name, sub_field in model.model_fields.items():
            needed.append(f"`{sub_name}`")
            needed += [f"`{v}`" for v in _literal_values(sub_field.annotation)]
            needed += _limits(sub_field)
    return needed


@pytest.mark.parametrize("name", list(Metadata.model_fields))
def test_every_metadata_field_has_a_row_stating_its_rules(name):
    rows = _metadata_table()
    assert name in rows, f"docs/contributing.md has no row for the metadata field {name!r}"
    row = rows[name]
    missing = [text for text in _requirements(name, Metadata.model_fields[name]) if text not in row]
    assert missing == [], f"the row of {name!r} does not mention {missing}"


def test_the_table_documents_no_field_that_does_not_exist():
    assert set(_metadata_table()) == set(Metadata.model_fields)


def test_the_field_rule_check_notices_a_missing_limit():
    # The quiz row must state that a question needs at least 2 options.
    requirements = _requirements("quiz", Metadata.model_fields["quiz"])
    assert "`options`" in requirements and "2" in requirements
    requirements = _requirements("description", Metadata.model_fields["description"])
    assert "120" in requirements
