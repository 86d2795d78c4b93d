"""Writing a synthetic incident/1.0 extract to disk, as the force's records system would."""

from __future__ import annotations

import hashlib
import time
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from asbhub.formats import write_csv_rows, write_jsonl_rows
from asbhub.seed.incidents import generate_incidents
from contracts.incident import Incident

ExtractFormat = Literal["csv", "jsonl"]


class SeedResult(BaseModel):
    """What one `asbhub seed` run wrote."""

    path: str
    contract: str
    format: ExtractFormat
    rows: int
    seed: int
    night: date
    sha256: str
    seconds: float


def extract_filename(night: date, fmt: ExtractFormat = "csv") -> str:
    """The name the force gives a nightly extract, e.g. `incidents-20261125.csv`."""
    return f"incidents-{night:%Y%m%d}.{fmt}"


def write_extract(
    path: str | Path, n: int, seed: int, night: date, fmt: ExtractFormat = "csv"
) -> SeedResult:
    """Write `n` incidents to `path`: a file, or a folder to hold `extract_filename(night)`.

    A path that exists as a folder, or has no suffix, is taken as a folder (made if missing).
    """
    if fmt not in ("csv", "jsonl"):
        raise ValueError(f"format must be csv or jsonl, not {fmt!r}")
    target = Path(path)
    if target.is_dir() or not target.suffix:
        target = target / extract_filename(night, fmt)
    target.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    rows = generate_incidents(n, seed, night)
    writer = write_csv_rows if fmt == "csv" else write_jsonl_rows
    count = writer(target, Incident.field_names(), rows)
    elapsed = time.perf_counter() - started
    digest = hashlib.sha256()
    with target.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return SeedResult(
        path=str(target),
        contract=Incident.ref(),
        format=fmt,
        rows=count,
        seed=seed,
        night=night,
        sha256=digest.hexdigest(),
        seconds=round(elapsed, 3),
    )
