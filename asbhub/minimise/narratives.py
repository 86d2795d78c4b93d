"""Narratives redacted once per incident per run, in bulk, however many partners receive them."""

from __future__ import annotations

import multiprocessing
import os
import re
import time
from collections.abc import Iterable, Mapping
from functools import cached_property
from typing import Any

from asbhub.minimise.projection import known_pii

# Worker processes each load the model (a second or two): only worth it for big batches.
PARALLEL_FROM = 1000
# The force's own incident reference as it writes it (contracts.incident's pattern, no
# anchors): kept in a narrative for a partner whose ISA shares `incident_ref`. Crime numbers,
# other agencies' and systems' references, and sloppy forms of this one still go.
FORCE_REFERENCE = re.compile(r"[0-9]{2}/[0-9]{6}/[0-9]{2}")


class NarrativeRedactor:
    """Runs the PII engine over incident narratives and remembers the results for the run."""

    def __init__(self, batch_size: int = 64) -> None:
        self.batch_size = batch_size
        # Per incident: the narrative redacted whole, and with the force's references kept.
        self._done: dict[str, tuple[str, str]] = {}
        # The identifiers the last-line scan found in a redacted narrative, by its text.
        self._leftovers: dict[str, list[Any]] = {}
        # The incidents whose narrative the engine failed on: withheld whole, to be held back.
        self.withheld: set[str] = set()
        self.seconds = 0.0  # time spent in the engine, for the run's stage timings
        self.narratives = 0

    @cached_property
    def engine(self) -> Any:
        from asbhub.pii.engine import RedactionEngine

        return RedactionEngine()

    def processes(self, items: int) -> int:
        """Worker processes for a batch of `items` narratives.

        Inside an Airflow task the engine runs in the task's own process unless
        ASBHUB_PII_PROCESSES says otherwise: a Celery worker already runs one task per process
        on every core it is given, so forking a model per task would only multiply the memory
        (each worker loads the model). A daemonic process (a pool worker) cannot have children
        at all: there the engine always runs in-process."""
        from asbhub.settings import in_airflow_task, options

        if multiprocessing.current_process().daemon:
            return 1
        configured = options().pii_processes
        if configured:
            return configured
        if in_airflow_task():
            return 1
        return min(2, os.cpu_count() or 1) if items >= PARALLEL_FROM else 1

    def redact_one(self, text: str, known: Mapping[str, list[str]]) -> str:
        return str(self.engine.redact(text, known).text)

    def redact_incidents(
        self, items: Iterable[tuple[str, Mapping[str, Any]]], keep_force_references: bool = False
    ) -> dict[str, str]:
        """Redacted narrative by incident reference, for every (reference, payload) given; with
        `keep_force_references` (a partner whose ISA shares `incident_ref`), the force's own
        incident references are left in. The engine runs once per narrative for both."""
        wanted = dict(items)
        missing = [(ref, payload) for ref, payload in wanted.items() if ref not in self._done]
        started = time.perf_counter()
        redactions = self.engine.redact_many(
            ((str(payload.get("narrative") or ""), known_pii(payload)) for _, payload in missing),
            batch_size=self.batch_size,
            n_process=self.processes(len(missing)),
        )
        for (ref, payload), redaction in zip(missing, redactions, strict=True):
            self._done[ref] = (redaction.text, _keeping_force_references(payload, redaction))
            if redaction.withheld:
                self.withheld.add(ref)
        self.seconds += time.perf_counter() - started
        self.narratives += len(missing)
        return {ref: self._done[ref][1 if keep_force_references else 0] for ref in wanted}

    def leftover_identifiers(self, text: str, keep_force_references: bool = False) -> int:
        """How many structured identifiers the pattern recognisers still find in redacted text:
        the feed's last-line check (the force's own incident references not counted where they
        are shared). Cached, since one narrative goes to several partners."""
        if text not in self._leftovers:
            self._leftovers[text] = self.engine.find_structured_pii(mask_placeholders(text))
        found = self._leftovers[text]
        if keep_force_references:  # masking keeps offsets, and a reference is no placeholder
            return sum(1 for e in found if not is_force_reference(text, e))
        return len(found)

    def leftover_known(self, text: str, known: Mapping[str, list[str]]) -> list[str]:
        """The entity types of the record's own values still in its redacted narrative: the
        feed's last-line check of the deny list. A name that is also an ordinary word ("Rose",
        "Hill") is not judged on its own, nor one that is its town's name where the text uses
        it as the town ("seen in Preston"); the whole name still is."""
        from asbhub.pii.deny_list import ENTITY_ORDER, DenyList
        from asbhub.pii.names import place_use_of_a_name

        masked = mask_placeholders(text)
        deny = DenyList.of(known, common_word_names=False)
        towns = deny.towns_in(masked)
        found = {
            m.entity_type
            for m in deny.spans(masked)
            if not (
                m.entity_type == "PERSON" and place_use_of_a_name(masked, m.start, m.end, towns)
            )
        }  # "in Preston" where the victim is Stanley Preston: the town the engine kept
        return [t for t in ENTITY_ORDER if t in found] + sorted(found - set(ENTITY_ORDER))


def is_force_reference(text: str, entity: Any) -> bool:
    """A span the engine took for a police reference that is the force's own incident
    reference, written as the force writes it."""
    return entity.type == "POLICE_REFERENCE" and bool(
        FORCE_REFERENCE.fullmatch(text[entity.start : entity.end])
    )


def _keeping_force_references(payload: Mapping[str, Any], redaction: Any) -> str:
    """The narrative redacted as the engine did it, except the force's incident references."""
    text = str(payload.get("narrative") or "")
    kept = [e for e in redaction.entities if not is_force_reference(text, e)]
    if len(kept) == len(redaction.entities):
        return str(redaction.text)
    from asbhub.pii.resolve import redact_text

    return redact_text(text, kept)


PLACEHOLDER = re.compile(r"<[A-Z][A-Z_]*>")


def mask_placeholders(text: str) -> str:
    """Mask the engine's own `<TYPE>` placeholders before a re-scan, keeping offsets.

    Masked with a symbol, not spaces: a handle's context word ("snap name") before a blanked
    placeholder would otherwise make the next ordinary word look like a handle.
    """
    return PLACEHOLDER.sub(lambda m: "*" * len(m.group()), text)
