"""`asbhub pii`: redact narratives (JSON Lines) and evaluate the engine against a gold set."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any

import typer

from asbhub.cli import hub_context
from asbhub.errors import DataError

app = typer.Typer(
    name="pii", help="Find and redact personal data in free text.", no_args_is_help=True
)


def _records(stream: IO[str], bad: list[str]) -> Iterator[tuple[str, tuple[str, Any]]]:
    """Parse input lines; report bad ones on stderr (with line numbers) and carry on."""
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            if (
                not isinstance(raw, dict)
                or not isinstance(raw.get("id"), str)
                or not isinstance(raw.get("text"), str)
            ):
                raise ValueError('expected {"id": str, "text": str, "known": {...}?}')
            known = raw.get("known")
            if known is not None and not (
                isinstance(known, dict)
                and all(
                    isinstance(v, list) and all(isinstance(s, str) for s in v)
                    for v in known.values()
                )
            ):
                raise ValueError('"known" must map entity types to lists of strings')
        except ValueError as exc:
            message = f"line {number}: {exc}"
            bad.append(message)
            sys.stderr.write(f"error: {message}; line skipped\n")
            continue
        yield raw["id"], (raw["text"], known)


@app.command("redact")
def command_redact(
    ctx: typer.Context,
    in_file: Path = typer.Option(None, "--in", help="JSON Lines input (default: stdin)."),
    out_file: Path = typer.Option(None, "--out", help="JSON Lines output (default: stdout)."),
    batch_size: int = typer.Option(64, help="Narratives per spaCy batch."),
    processes: int = typer.Option(
        1, "--processes", "-p", help="Worker processes (each loads the model once)."
    ),
) -> None:
    """Redact each {"id","text","known"?} line; output keeps input order."""
    from asbhub.pii.engine import RedactionEngine

    engine = RedactionEngine()
    bad: list[str] = []
    with ExitStack() as stack:
        source = stack.enter_context(in_file.open(encoding="utf-8")) if in_file else sys.stdin
        sink = stack.enter_context(out_file.open("w", encoding="utf-8")) if out_file else sys.stdout
        ids: list[str] = []

        def items() -> Iterator[tuple[str, Any]]:
            for rid, item in _records(source, bad):
                ids.append(rid)
                yield item

        for index, red in enumerate(
            engine.redact_many(items(), batch_size=batch_size, n_process=processes)
        ):
            entities = [
                {"type": e.type, "start": e.start, "end": e.end, "score": e.score}
                for e in red.entities
            ]
            sink.write(
                json.dumps({"id": ids[index], "text": red.text, "entities": entities}) + "\n"
            )
            ids[index] = ""  # keep the id list from holding strings of a long stream
    if bad:
        raise DataError(f"{len(bad)} input line(s) were not valid and were skipped")
    hub_context(ctx)


@app.command("evaluate")
def command_evaluate(
    ctx: typer.Context,
    gold: Path = typer.Argument(..., help="Gold JSON Lines (see tests/fixtures/pii/README.md)."),
    compare_vanilla: bool = typer.Option(
        False, "--compare-vanilla", help="Also score vanilla Presidio."
    ),
    processes: int = typer.Option(1, "--processes", "-p"),
) -> None:
    """Per-type recall, over-redaction, must-keep survival and leaks for our engine."""
    from asbhub.pii.engine import RedactionEngine
    from asbhub.pii.evaluation import evaluate_engine, evaluate_vanilla, load_gold, render

    hub = hub_context(ctx)
    records = load_gold(gold)
    cards = [evaluate_engine(records, RedactionEngine(), n_process=processes)]
    if compare_vanilla:
        cards.append(evaluate_vanilla(records))
    hub.emit({"scorecards": [c.model_dump() for c in cards]}, render(cards))
