"""Copies of disposed records outside their own rows: found by their references in every file of
the hub's areas and the partners' folders, and taken out (a file rewritten without the records'
rows, or removed when nothing else is in it)."""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
from collections.abc import Iterable
from enum import StrEnum
from functools import lru_cache
from pathlib import Path, PurePosixPath

from pydantic import BaseModel, Field

from asbhub.ledger import LedgerKey
from asbhub.retention.areas import Areas, RemoteFolders

# References are matched as whole words: a run of letters, digits and dashes, with or without
# slashes (the force's incident references have slashes; a path has them too).
_WITH_SLASHES = re.compile(rb"[A-Za-z0-9][A-Za-z0-9/_\-]*")
_WITHOUT_SLASHES = re.compile(rb"[A-Za-z0-9][A-Za-z0-9_\-]*")
TABULAR = (".csv", ".jsonl", ".ndjson")
# A disposal notice names the referral the partner must delete: that is its job, not a copy.
NOTICE_FILES = "disposal-notices-"
WORDS_REMEMBERED = 1 << 18  # some 40 MB at most, however large the home


class Action(StrEnum):
    FOUND = "found"
    REWRITTEN = "rewritten"
    REMOVED = "removed"


class Copy(BaseModel):
    """A file that held a disposed record: where it is (area and file; never what it held)."""

    area: str
    file: str
    references: int
    action: Action
    # The keyed hashes of the references found, for mapping a copy to its disposal items.
    hits: set[str] = Field(default_factory=set, exclude=True, repr=False)

    @property
    def where(self) -> str:
        return f"{self.area}: {self.file}"


def words(data: bytes) -> set[str]:
    """Every word a reference could be, from bytes of any file or column."""
    found = set(_WITH_SLASHES.findall(data)) | set(_WITHOUT_SLASHES.findall(data))
    return {w.decode("ascii", "replace") for w in found}


class Terms:
    """What to look for: the keyed hashes of disposed records' references. Every word of a file
    is hashed with the same key, so nothing in clear is needed, and a copy found long after the
    record went is still recognised.

    Which words are terms is remembered for the sweep (up to WORDS_REMEMBERED of them): the same
    words (dates, categories, partner names, references named in several files) recur in every
    row and file, and a rewrite looks at each row again, so most words would be hashed many
    times over. Only a word's verdict is kept, never the file it came from."""

    def __init__(self, key: LedgerKey, hashes: Iterable[str]) -> None:
        self.key = key
        self.hashes = frozenset(hashes)
        self._term_hash = lru_cache(maxsize=WORDS_REMEMBERED)(self._hash_if_term)

    def __bool__(self) -> bool:
        return bool(self.hashes)

    def __len__(self) -> int:
        return len(self.hashes)

    def found_in(self, data: bytes) -> set[str]:
        """The hashes of the references this data names."""
        if not self.hashes:
            return set()
        found = (self._term_hash(w) for w in words(data))
        return {h for h in found if h is not None}

    def _hash_if_term(self, word: str) -> str | None:
        digest = self.key.reference_hash(word)
        return digest if digest in self.hashes else None


def named(data: bytes, terms: Terms) -> set[str]:
    return terms.found_in(data)


def rewrite_without(path: Path, terms: Terms) -> Action:
    """Rewrite a CSV or JSON Lines file without the rows naming any term (the header stays);
    remove any other file, or one left with no rows."""
    if path.suffix.lower() not in TABULAR and not _looks_tabular(path):
        path.unlink(missing_ok=True)
        return Action.REMOVED
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix.lower() == ".csv" or not text.lstrip().startswith("{"):
        rows = list(csv.reader(io.StringIO(text, newline="")))
        header, body = (rows[0], rows[1:]) if rows else ([], [])
        kept = [r for r in body if not named(",".join(r).encode(), terms)]
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerows([header, *kept])
        remaining, new_text = len(kept), out.getvalue()
    else:
        lines = [line for line in text.splitlines() if line.strip()]
        kept_lines = [line for line in lines if not named(line.encode(), terms)]
        remaining, new_text = len(kept_lines), "".join(f"{line}\n" for line in kept_lines)
    if remaining == 0:
        path.unlink(missing_ok=True)
        return Action.REMOVED
    partial = path.with_name(path.name + ".rewrite")
    partial.write_text(new_text, encoding="utf-8")
    partial.replace(path)
    return Action.REWRITTEN


def _looks_tabular(path: Path) -> bool:
    """A quarantined original (`.bin`) keeps the bytes of a CSV or JSON Lines file."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    try:
        first = head.decode("utf-8").splitlines()[0] if head else ""
    except UnicodeDecodeError:
        return False
    return first.startswith("{") or "," in first


def sweep_local(areas: Areas, terms: Terms, fix: bool) -> list[Copy]:
    """Find (and with `fix`, take out) every copy of the terms in the hub's own areas, wherever
    they are kept: each file is read (from the object store, into this hub's scratch folder),
    and a file that held a copy is saved again rewritten, or removed."""
    found: list[Copy] = []
    if not terms:
        return found
    for area in areas.names:
        for key in areas.files(area):
            if PurePosixPath(key).name.startswith(NOTICE_FILES):
                continue
            path = areas.fetch(key)
            hits = named(path.read_bytes(), terms)
            if not hits:
                if areas.remote:
                    path.unlink(missing_ok=True)  # a scratch copy: not kept past the look
                continue
            action = Action.FOUND
            if fix:
                action = rewrite_without(path, terms)
                if action is Action.REWRITTEN:
                    _refresh_manifest(areas, key)
                    areas.save(path)
                elif action is Action.REMOVED:
                    areas.remove(key)
            found.append(
                Copy(
                    area=area,
                    file=str(PurePosixPath(key).relative_to(area)),
                    references=len(hits),
                    action=action,
                    hits=hits,
                )
            )
    return found


def _refresh_manifest(areas: Areas, key: str) -> None:
    """A rewritten batch file: its manifest in the same folder describes it again truly."""
    from connectors.models import sha256_file

    path = areas.home / key
    folder = PurePosixPath(key).parent
    for sibling in areas.store.keys(str(folder)):
        sibling_path = PurePosixPath(sibling)
        if sibling_path.parent != folder or not sibling_path.name.startswith("manifest-"):
            continue
        if not sibling_path.name.endswith(".json"):
            continue
        manifest = areas.fetch(sibling)
        data = json.loads(manifest.read_text(encoding="utf-8"))
        for entry in data.get("files", []):
            if entry.get("name") == path.name:
                entry["sha256"] = sha256_file(path)
                entry["bytes"] = path.stat().st_size
                entry["records"] = _records(path)
        counted = _counted_contract(data.get("files", []))
        if counted:
            data["record_count"] = sum(
                f.get("records", 0)
                for f in data["files"]
                if str(f.get("contract", "")).startswith(counted)
            )
        manifest.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        areas.save(manifest)


# What a manifest's record_count counts: a partner's batch, its referrals; the force's, the
# outcome summary's rows.
COUNTED_CONTRACTS = ("referral/", "outcome-summary/")


def _counted_contract(files: list[dict[str, object]]) -> str | None:
    contracts = [str(f.get("contract", "")) for f in files]
    return next((c for c in COUNTED_CONTRACTS if any(x.startswith(c) for x in contracts)), None)


def _records(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() == ".csv":
        return max(0, len(list(csv.reader(io.StringIO(text, newline="")))) - 1)
    return sum(1 for line in text.splitlines() if line.strip())


def sweep_remote(
    remote: RemoteFolders, partner_ids: Iterable[str], terms: Terms, fix: bool
) -> list[Copy]:
    """The same in each partner's folders, through its transport: each file is read, and
    rewritten in place (an atomic put) or deleted."""
    found: list[Copy] = []
    if not terms:
        return found
    with tempfile.TemporaryDirectory(prefix="asbhub-sweep-") as work:
        for partner_id in partner_ids:
            for folder, name in remote.files(partner_id):
                if name.startswith(NOTICE_FILES):
                    continue
                local = Path(work) / "copy"
                remote.read(partner_id, folder, name, local)
                hits = named(local.read_bytes(), terms)
                if hits:
                    action = Action.FOUND
                    if fix:
                        local = local.rename(Path(work) / name)
                        action = rewrite_without(local, terms)
                        if action is Action.REWRITTEN:
                            remote.replace(partner_id, folder, name, local)
                        else:
                            remote.remove(partner_id, folder, name)
                    found.append(
                        Copy(
                            area=f"partner folder {partner_id}/{folder}",
                            file=name,
                            references=len(hits),
                            action=action,
                            hits=hits,
                        )
                    )
                local.unlink(missing_ok=True)
    return found
