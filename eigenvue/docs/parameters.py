"""The parameter table of an algorithm page, read from its Inputs model.

Names, defaults and meanings come from the pydantic fields; types and the
allowed values (enumerations, bounds, lengths) from the model's JSON schema,
which is what pydantic itself enforces. The table can therefore never
disagree with the validation a user meets.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import AliasChoices

if TYPE_CHECKING:
    from eigenvue.inputs import Inputs

_SCALARS = {
    "integer": "integer",
    "number": "number",
    "string": "string",
    "boolean": "boolean",
    "null": "null",
    "object": "object",
}


@dataclass(frozen=True)
class Parameter:
    """One row of the parameter table.

    Attributes
    ----------
    name : str
        The name users write in JSON.
    aliases : tuple of str
        Other accepted names.
    type : str
        ``"list of integer"``, ``"number"``, ``"string"``, …
    allowed : str
        The rules on values (``"one of 'a', 'b'"``, ``"≥ 0 and ≤ 1000"``), or ``""``.
    default : str
        The default as JSON, or ``"required"``.
    description : str
        What the input means.
    """

    name: str
    aliases: tuple[str, ...]
    type: str
    allowed: str
    default: str
    description: str


def parameters(model: type[Inputs]) -> list[Parameter]:
    """The parameters of an Inputs model, in declaration order."""
    schema = model.model_json_schema(by_alias=True, mode="validation")
    definitions = schema.get("$defs", {})
    properties = schema.get("properties", {})
    rows = []
    for attribute, info in model.model_fields.items():
        names = _names(attribute, info)
        prop: dict[str, Any] = next(
            (properties[n] for n in (*names, attribute) if n in properties), {}
        )
        kind, rules = describe(prop, definitions)
        if info.is_required():
            default = "required"
        else:
            value = info.get_default(call_default_factory=True)
            default = json.dumps(value, ensure_ascii=False, default=str)
        rows.append(
            Parameter(
                name=names[0],
                aliases=tuple(names[1:]),
                type=kind,
                allowed="; ".join(rules),
                default=default,
                description=(info.description or prop.get("description") or "").strip(),
            )
        )
    return rows


def _names(attribute: str, info: Any) -> list[str]:
    alias = info.validation_alias
    if isinstance(alias, AliasChoices):
        names = [c for c in alias.choices if isinstance(c, str)]
    elif isinstance(alias, str):
        names = [alias]
    else:
        names = [info.alias or attribute]
    return names or [attribute]


def describe(schema: dict[str, Any], definitions: dict[str, Any]) -> tuple[str, list[str]]:
    """The type of a JSON-schema node in words, and its rules on values.

    Parameters
    ----------
    schema : dict
        A JSON-schema node, as pydantic writes it.
    definitions : dict
        The schema's ``$defs``, to resolve ``$ref``.

    Returns
    -------
    (str, list of str)
        ``("list of number", ["2 to 64 items", "each ≥ 1"])``.
    """
    if "$ref" in schema:
        target = definitions.get(schema["$ref"].rsplit("/", 1)[-1], {})
        return describe({**target, **{k: v for k, v in schema.items() if k != "$ref"}}, definitions)
    for combinator in ("anyOf", "oneOf"):
        if combinator in schema:
            kinds: list[str] = []
            rules: list[str] = []
            for option in schema[combinator]:
                option_kind, option_rules = describe(option, definitions)
                if option_kind not in kinds:
                    kinds.append(option_kind)
                rules.extend(r for r in option_rules if r not in rules)
            return " or ".join(kinds), rules
    if "enum" in schema:
        values = schema["enum"]
        return _enum_type(values), ["one of " + ", ".join(_literal(v) for v in values)]
    if "const" in schema:
        return _enum_type([schema["const"]]), [f"exactly {_literal(schema['const'])}"]
    kind: str | list[str] | None = schema.get("type")  # JSON schema: a name or a list of names
    if isinstance(kind, list):
        return " or ".join(_SCALARS.get(k, k) for k in kind), _bounds(schema)
    if kind == "array":
        return _array(schema, definitions)
    if kind == "object":
        values = schema.get("additionalProperties")
        if isinstance(values, dict) and values:
            value_kind, value_rules = describe(values, definitions)
            return f"object of {value_kind}", [f"each value {r}" for r in value_rules]
        return "object", []
    if kind is None:
        return "any", []
    return _SCALARS.get(kind, kind), _bounds(schema)


def _array(schema: dict[str, Any], definitions: dict[str, Any]) -> tuple[str, list[str]]:
    items = schema.get("items")
    rules = []
    low, high = schema.get("minItems"), schema.get("maxItems")
    if low is not None and high is not None:
        rules.append(f"{low} item" if low == high == 1 else _between(low, high, "items"))
    elif low is not None:
        rules.append(f"at least {low} item{'s' * (low != 1)}")
    elif high is not None:
        rules.append(f"at most {high} item{'s' * (high != 1)}")
    if schema.get("uniqueItems"):
        rules.append("no repeated items")
    if isinstance(items, dict) and items:
        item_kind, item_rules = describe(items, definitions)
        rules.extend(f"each {r}" for r in item_rules)
        return f"list of {item_kind}", rules
    if "prefixItems" in schema:
        kinds = [describe(i, definitions)[0] for i in schema["prefixItems"]]
        return f"list ({', '.join(kinds)})", rules
    return "list", rules


def _bounds(schema: dict[str, Any]) -> list[str]:
    rules = []
    if "minimum" in schema and "maximum" in schema:
        rules.append(f"between {_number(schema['minimum'])} and {_number(schema['maximum'])}")
        schema = {k: v for k, v in schema.items() if k not in ("minimum", "maximum")}
    for key, symbol in (
        ("minimum", "≥"),
        ("exclusiveMinimum", ">"),
        ("maximum", "≤"),
        ("exclusiveMaximum", "<"),
    ):
        if key in schema:
            rules.append(f"{symbol} {_number(schema[key])}")
    if "multipleOf" in schema:
        rules.append(f"a multiple of {_number(schema['multipleOf'])}")
    bounds = " and ".join(rules)
    out = [bounds] if bounds else []
    low, high = schema.get("minLength"), schema.get("maxLength")
    if low is not None and high is not None:
        out.append(_between(low, high, "characters"))
    elif low is not None:
        out.append(f"at least {_number(low)} character{'s' * (low != 1)}")
    elif high is not None:
        out.append(f"at most {_number(high)} character{'s' * (high != 1)}")
    if "pattern" in schema:
        out.append(f"matches `{schema['pattern']}`")
    return out


def _between(low: int, high: int, unit: str) -> str:
    if low == high:
        return f"exactly {_number(low)} {unit}"
    return f"{_number(low)} to {_number(high)} {unit}"


def _number(value: float) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and abs(value) >= 10_000:
        return f"{value:,}"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _literal(value: Any) -> str:
    return f"`{json.dumps(value, ensure_ascii=False)}`"


def _enum_type(values: list[Any]) -> str:
    kinds = []
    for value in values:
        if isinstance(value, bool):
            kind = "boolean"
        elif isinstance(value, int):
            kind = "integer"
        elif isinstance(value, float):
            kind = "number"
        elif value is None:
            kind = "null"
        else:
            kind = "string"
        if kind not in kinds:
            kinds.append(kind)
    return " or ".join(kinds)
