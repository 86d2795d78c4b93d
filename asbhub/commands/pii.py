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
from asbhub.errors import DataError, HubError

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
    withheld: list[str] = []
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
            line: dict[str, Any] = {"id": ids[index], "text": red.text, "entities": entities}
            if red.withheld:
                line["withheld"] = True
                withheld.append(ids[index])
                sys.stderr.write(f"error: id {ids[index]}: redaction failed; text withheld whole\n")
            sink.write(json.dumps(line) + "\n")
            ids[index] = ""  # keep the id list from holding strings of a long stream
    problems = []
    if bad:
        problems.append(f"{len(bad)} input line(s) were not valid and were skipped")
    if withheld:
        problems.append(f"{len(withheld)} narrative(s) could not be redacted and were withheld")
    if problems:
        raise DataError("; ".join(problems))
    hub_context(ctx)


@app.command("evaluate")
def command_evaluate(
    ctx: typer.Context,
    gold: list[Path] = typer.Argument(
        None, help="Gold JSON Lines files (see tests/fixtures/pii/README.md)."
    ),
    all_sets: bool = typer.Option(
        False,
        "--all",
        help="Every gold set in --gold-dir (dev, holdout, handwritten, shapes, blind_seen, blind).",
    ),
    gold_dir: Path = typer.Option(
        Path("tests/fixtures/pii"), "--gold-dir", help="Where --all finds the gold sets."
    ),
    compare_vanilla: bool | None = typer.Option(
        None,
        "--compare-vanilla/--no-compare-vanilla",
        help="Also score vanilla Presidio (default: only with several sets).",
    ),
    processes: int = typer.Option(1, "--processes", "-p"),
) -> None:
    """Per-type recall, over-redaction, must-keep survival and leaks, set by set.

    One GOLD file prints one table; several (or --all) print every set side by side, each
    labelled tuned-on, held-out or blind, with the engine checked against the targets.
    """
    from asbhub.pii import evaluation as ev
    from asbhub.pii.engine import RedactionEngine

    hub = hub_context(ctx)
    sets = ev.find_gold_sets(gold_dir) if all_sets else []
    sets += [ev.gold_set(path) for path in gold or [] if path not in {s.path for s in sets}]
    if not sets:
        raise HubError("give one or more GOLD files, or --all for every gold set")
    single = len(sets) == 1 and not all_sets
    reports = ev.evaluate_sets(
        sets,
        RedactionEngine(),
        # One set keeps the old default (engine only); several compare unless told not to.
        compare_vanilla=bool(compare_vanilla) if single else compare_vanilla is not False,
        n_process=processes,
    )
    if single:
        report = reports[0]
        cards = [c for c in (report.engine, report.vanilla) if c is not None]
        heading = f"{report.name} ({report.role}), {report.engine.records} narratives"
        hub.emit({"scorecards": [c.model_dump() for c in cards]}, heading + "\n" + ev.render(cards))
        return
    hub.emit({"sets": [r.model_dump(mode="json") for r in reports]}, ev.render_sets(reports))
