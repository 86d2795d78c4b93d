"""Classify the changes between two versions of a contract's JSON Schema as breaking or not.

Breaking means data valid under the old schema may fail under the new one, or a reader built on
the old schema may meet something it cannot read: a removed field, a narrowed enum, a new
required field, a field made required, a type change, a tightened constraint.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

Schema = dict[str, Any]


class Change(BaseModel):
    path: str
    kind: str
    breaking: bool
    detail: str


class CompatReport(BaseModel):
    old: str
    new: str
    changes: list[Change]

    @property
    def breaking(self) -> bool:
        return any(change.breaking for change in self.changes)


def compare(old: Schema, new: Schema) -> CompatReport:
    changes: list[Change] = []
    _compare_object(old, new, old, new, "", changes)
    return CompatReport(
        old=str(old.get("x-contract", old.get("title", "old"))),
        new=str(new.get("x-contract", new.get("title", "new"))),
        changes=changes,
    )


def _resolve(node: Schema, root: Schema) -> Schema:
    while "$ref" in node:
        ref = node["$ref"]
        if not ref.startswith("#/"):
            raise ValueError(f"only local $ref is supported, got {ref!r}")
        target: Any = root
        for part in ref[2:].split("/"):
            target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _variants(node: Schema, root: Schema) -> list[Schema]:
    """The non-null alternatives of a property (anyOf/oneOf flattened)."""
    node = _resolve(node, root)
    alternatives = node.get("anyOf") or node.get("oneOf")
    if alternatives:
        found: list[Schema] = []
        for alt in alternatives:
            found.extend(_variants(alt, root))
        return found
    if node.get("type") == "null":
        return []
    return [node]


def _allows_null(node: Schema, root: Schema) -> bool:
    """Whether a property admits null (`_variants` leaves the null alternative out)."""
    node = _resolve(node, root)
    alternatives = node.get("anyOf") or node.get("oneOf")
    if alternatives:
        return any(_allows_null(alt, root) for alt in alternatives)
    kind = node.get("type")
    return kind == "null" or (isinstance(kind, list) and "null" in kind)


def _signature(variant: Schema) -> str:
    kind = variant.get("type", "any")
    if "enum" in variant or "const" in variant:
        kind = f"{kind}:enum"
    return f"{kind}/{variant['format']}" if "format" in variant else str(kind)


def _enum_values(variants: list[Schema]) -> set[Any] | None:
    values: set[Any] = set()
    for variant in variants:
        if "enum" in variant:
            values.update(variant["enum"])
        elif "const" in variant:
            values.add(variant["const"])
        else:
            return None
    return values


def _compare_object(
    old: Schema, new: Schema, old_root: Schema, new_root: Schema, prefix: str, out: list[Change]
) -> None:
    old_props: Schema = old.get("properties", {})
    new_props: Schema = new.get("properties", {})
    old_req, new_req = set(old.get("required", [])), set(new.get("required", []))
    for name in old_props.keys() - new_props.keys():
        out.append(
            Change(
                path=prefix + name,
                kind="removed_field",
                breaking=True,
                detail=f"field {prefix + name!r} was removed",
            )
        )
    for name in new_props.keys() - old_props.keys():
        required = name in new_req
        out.append(
            Change(
                path=prefix + name,
                kind="new_required_field" if required else "new_optional_field",
                breaking=required,
                detail=f"field {prefix + name!r} was added" + (" as required" if required else ""),
            )
        )
    for name in sorted(old_props.keys() & new_props.keys()):
        path = prefix + name
        if name in new_req and name not in old_req:
            out.append(
                Change(
                    path=path,
                    kind="made_required",
                    breaking=True,
                    detail=f"field {path!r} became required",
                )
            )
        elif name in old_req and name not in new_req:
            out.append(
                Change(
                    path=path,
                    kind="made_optional",
                    breaking=False,
                    detail=f"field {path!r} became optional",
                )
            )
        _compare_value(old_props[name], new_props[name], old_root, new_root, path, out)


def _compare_value(
    old: Schema, new: Schema, old_root: Schema, new_root: Schema, path: str, out: list[Change]
) -> None:
    old_null, new_null = _allows_null(old, old_root), _allows_null(new, new_root)
    if old_null != new_null:
        out.append(
            Change(
                path=path,
                kind="null_removed" if old_null else "null_allowed",
                breaking=old_null,
                detail=f"{path!r} {'no longer' if old_null else 'now'} allows null",
            )
        )
    old_v, new_v = _variants(old, old_root), _variants(new, new_root)
    old_sig = sorted({_signature(v) for v in old_v})
    new_sig = sorted({_signature(v) for v in new_v})
    if old_sig != new_sig:
        out.append(
            Change(
                path=path,
                kind="type_changed",
                breaking=True,
                detail=f"type of {path!r} changed from {old_sig} to {new_sig}",
            )
        )
        return
    old_enum, new_enum = _enum_values(old_v), _enum_values(new_v)
    if old_enum is not None and new_enum is not None:
        removed, added = old_enum - new_enum, new_enum - old_enum
        if removed:
            out.append(
                Change(
                    path=path,
                    kind="enum_narrowed",
                    breaking=True,
                    detail=f"{path!r} no longer allows {sorted(map(str, removed))}",
                )
            )
        if added:
            out.append(
                Change(
                    path=path,
                    kind="enum_widened",
                    breaking=False,
                    detail=f"{path!r} now also allows {sorted(map(str, added))}",
                )
            )
    for old_variant, new_variant in zip(old_v, new_v, strict=False):
        _compare_constraints(old_variant, new_variant, path, out)
        if old_variant.get("type") == "array":
            _compare_value(
                old_variant.get("items", {}),
                new_variant.get("items", {}),
                old_root,
                new_root,
                path + "[]",
                out,
            )
        if old_variant.get("type") == "object" or "properties" in old_variant:
            _compare_object(old_variant, new_variant, old_root, new_root, path + ".", out)


def _compare_constraints(old: Schema, new: Schema, path: str, out: list[Change]) -> None:
    if old.get("pattern") != new.get("pattern") and "pattern" in new:
        out.append(
            Change(
                path=path,
                kind="pattern_changed",
                breaking=True,
                detail=f"pattern of {path!r} changed to {new['pattern']!r}",
            )
        )
    for key, tighter in (
        ("maxLength", min),
        ("maximum", min),
        ("minLength", max),
        ("minimum", max),
    ):
        if key in new and (key not in old or tighter(old[key], new[key]) == new[key] != old[key]):
            out.append(
                Change(
                    path=path,
                    kind="constraint_tightened",
                    breaking=True,
                    detail=f"{key} of {path!r} tightened to {new[key]}",
                )
            )
