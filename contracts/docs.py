"""Partner documentation generated from the contracts: one page per contract version."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from contracts.base import Contract
from contracts.examples import EXAMPLES
from contracts.glossary import MEANINGS
from contracts.registry import ALL_CONTRACTS
from contracts.schemas_io import contract_schema, schema_file_name

ROWS_RULES = """\
Files are CSV (RFC 4180, UTF-8, a header row naming the columns, CRLF or LF line ends) or JSON
Lines (one JSON object per line, UTF-8), as your partner file says. In CSV an empty cell means
no value, lists are separated by `;`, booleans are `true`/`false`, and dates and timestamps
are ISO 8601 (timestamps with their UTC offset, e.g. `2026-11-25T02:00:14+00:00`). In the
feeds the hub sends, a CSV cell that would start with `=`, `+`, `-`, `@`, a tab or a carriage
return is prefixed with `'` so that a spreadsheet never runs it as a formula."""


def _resolve(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[1]
        return {**root["$defs"][name], **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _type_and_values(node: dict[str, Any], root: dict[str, Any]) -> tuple[str, str]:
    node = _resolve(node, root)
    variants = [_resolve(v, root) for v in node.get("anyOf", [node])]
    variants = [v for v in variants if v.get("type") != "null"] or variants
    kinds, allowed = [], []
    for variant in variants:
        kind = variant.get("type", "object")
        if kind == "array":
            item_kind, item_values = _type_and_values(variant.get("items", {}), root)
            kinds.append(f"list of {item_kind}")
            allowed.append(item_values)
            continue
        kinds.append(f"{kind} ({variant['format']})" if "format" in variant else kind)
        if "enum" in variant:
            allowed.append(", ".join(f"`{v}`" for v in variant["enum"]))
        elif "pattern" in variant:
            allowed.append(f"pattern `{variant['pattern']}`")
        elif "maxLength" in variant:
            allowed.append(f"up to {variant['maxLength']} characters")
    return " or ".join(kinds), "; ".join(a for a in allowed if a)


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render_page(model: type[Contract]) -> str:
    schema = contract_schema(model)
    required = set(schema.get("required", []))
    example = EXAMPLES.get(model.ref(), {})
    lines = [
        f"# {model.ref()}",
        "",
        model.description,
        "",
        f"JSON Schema: `contracts/schemas/{schema_file_name(model)}`.",
        "",
    ]
    if model.kind == "rows":
        lines += [ROWS_RULES, ""]
    else:
        lines += ["One JSON document (UTF-8) per file.", ""]
    lines += [
        "| field | type | required | allowed values | meaning | example |",
        "|---|---|---|---|---|---|",
    ]
    for name, node in schema["properties"].items():
        kind, allowed = _type_and_values(node, schema)
        meaning = node.get("description") or MEANINGS.get(name, "")
        shown = json.dumps(example[name], ensure_ascii=False) if name in example else ""
        lines.append(
            f"| `{name}` | {_cell(kind)} | {'yes' if name in required else 'no'} | "
            f"{_cell(allowed)} | {_cell(meaning)} | {_cell(shown[:60])} |"
        )
    if example:
        lines += ["", "Example:", "", "```json", json.dumps(example, indent=2), "```", ""]
    return "\n".join(lines) + "\n"


def write_pages(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for model in ALL_CONTRACTS:
        path = out_dir / f"{model.contract_id}-{model.version}.md"
        path.write_text(render_page(model), encoding="utf-8")
        written.append(path)
    index = out_dir / "README.md"
    index.write_text(
        "# Feed formats\n\n"
        "Generated from the contracts by `asbhub contracts docs`; do not edit.\n\n"
        + "".join(
            f"* [{m.ref()}]({m.contract_id}-{m.version}.md): {m.description}\n"
            for m in ALL_CONTRACTS
        ),
        encoding="utf-8",
    )
    return [index, *written]
