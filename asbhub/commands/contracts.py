"""`asbhub contracts export|diff`: publish the JSON Schemas and check a change for compatibility."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from asbhub.cli import hub_context
from asbhub.errors import DataError, UnreadableFile
from contracts.compat import compare
from contracts.schemas_io import SCHEMA_DIR, export_schemas

app = typer.Typer(
    help="Contracts: the formats that cross the hub's boundary.", no_args_is_help=True
)


def _report_written(ctx: typer.Context, written: list[Path]) -> None:
    hub_context(ctx).emit(
        {"written": [str(path) for path in written]},
        "\n".join(f"wrote {path}" for path in written),
    )


@app.command("export")
def command_export(
    ctx: typer.Context,
    out: Path = typer.Option(SCHEMA_DIR, "--out", help="Folder for the .schema.json files."),
) -> None:
    """Write every contract's JSON Schema."""
    written = export_schemas(out)
    _report_written(ctx, written)


DOCS_DIR = Path("docs") / "formats"


@app.command("docs")
def command_docs(
    ctx: typer.Context,
    out: Path = typer.Option(DOCS_DIR, "--out", help="Folder for the Markdown pages."),
) -> None:
    """Write the partner documentation: one page per contract version."""
    from contracts.docs import write_pages

    written = write_pages(out)
    _report_written(ctx, written)


def _load_schema(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UnreadableFile(f"{path}: cannot read: {exc.strerror}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UnreadableFile(f"{path}: not a JSON document: {exc}") from exc
    if not isinstance(data, dict) or "properties" not in data:
        raise UnreadableFile(f"{path}: not a JSON Schema of an object (no 'properties')")
    return data


@app.command("diff")
def command_diff(ctx: typer.Context, old: Path, new: Path) -> None:
    """Classify every change from OLD to NEW; exit 1 when any change is breaking."""
    report = compare(_load_schema(old), _load_schema(new))
    hub = hub_context(ctx)
    lines = [
        f"{'BREAKING' if change.breaking else 'compatible'}  {change.kind}: {change.detail}"
        for change in report.changes
    ] or ["no changes"]
    verdict = "breaking" if report.breaking else "compatible"
    hub.emit(
        {**report.model_dump(mode="json"), "breaking": report.breaking},
        "\n".join(lines) + f"\n{old.name} -> {new.name}: {verdict}",
    )
    if report.breaking:
        raise typer.Exit(DataError.exit_code)
