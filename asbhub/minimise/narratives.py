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


class NarrativeRedactor:
    """Runs the PII engine over incident narratives and remembers the results for the run."""

    def __init__(self, batch_size: int = 64) -> None:
        self.batch_size = batch_size
        self._done: dict[str, str] = {}
        self._leftovers: dict[str, int] = {}
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

    def redact_incidents(self, items: Iterable[tuple[str, Mapping[str, Any]]]) -> dict[str, str]:
        """Redacted narrative by incident reference, for every (reference, payload) given."""
        wanted = dict(items)
        missing = [(ref, payload) for ref, payload in wanted.items() if ref not in self._done]
        started = time.perf_counter()
        redactions = self.engine.redact_many(
            ((str(payload.get("narrative") or ""), known_pii(payload)) for _, payload in missing),
            batch_size=self.batch_size,
            n_process=self.processes(len(missing)),
        )
        for (ref, _), redaction in zip(missing, redactions, strict=True):
            self._done[ref] = redaction.text
        self.seconds += time.perf_counter() - started
        self.narratives += len(missing)
        return {ref: self._done[ref] for ref in wanted}

    def leftover_identifiers(self, text: str) -> int:
        """How many structured identifiers the pattern recognisers still find in redacted text:
        the feed's last-line check. Cached, since one narrative goes to several partners."""
        if text not in self._leftovers:
            masked = mask_placeholders(text)
            self._leftovers[text] = len(self.engine.find_structured_pii(masked))
        return self._leftovers[text]

    def leftover_known(self, text: str, known: Mapping[str, list[str]]) -> list[str]:
        """The entity types of the record's own values still in its redacted narrative: the
        feed's last-line check of the deny list. A name that is also an ordinary word ("Rose",
        "Hill") is not judged on its own; the whole name still is."""
        from asbhub.pii.deny_list import DenyList

        masked = mask_placeholders(text)
        return DenyList.of(known, common_word_names=False).entity_types_in(masked)


PLACEHOLDER = re.compile(r"<[A-Z][A-Z_]*>")


def mask_placeholders(text: str) -> str:
    """Mask the engine's own `<TYPE>` placeholders before a re-scan, keeping offsets.

    Masked with a symbol, not spaces: a handle's context word ("snap name") before a blanked
    placeholder would otherwise make the next ordinary word look like a handle.
    """
    return PLACEHOLDER.sub(lambda m: "*" * len(m.group()), text)
