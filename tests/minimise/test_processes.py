"""How many processes the narrative redaction uses: two for a big batch on the command line,
one inside an Airflow task (a Celery worker already runs a task per core) unless configured,
and always one in a daemonic process, which may not have children."""

from __future__ import annotations

import multiprocessing

import pytest

from asbhub.minimise.narratives import PARALLEL_FROM, NarrativeRedactor


@pytest.fixture
def redactor(monkeypatch: pytest.MonkeyPatch) -> NarrativeRedactor:
    for name in ("ASBHUB_PII_PROCESSES", "AIRFLOW_CTX_DAG_ID"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    return NarrativeRedactor()


def test_a_big_batch_on_the_command_line_uses_two(redactor: NarrativeRedactor) -> None:
    assert redactor.processes(PARALLEL_FROM) == 2
    assert redactor.processes(PARALLEL_FROM - 1) == 1


def test_inside_an_airflow_task_it_stays_in_process_unless_configured(
    redactor: NarrativeRedactor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AIRFLOW_CTX_DAG_ID", "partner_outbound__basildon_council")
    assert redactor.processes(50 * PARALLEL_FROM) == 1
    monkeypatch.setenv("ASBHUB_PII_PROCESSES", "3")
    assert redactor.processes(10) == 3


def _in_a_daemon(queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    queue.put(NarrativeRedactor().processes(50 * PARALLEL_FROM))


def test_a_daemonic_process_never_forks_even_when_configured(
    redactor: NarrativeRedactor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASBHUB_PII_PROCESSES", "2")
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_in_a_daemon, args=(queue,), daemon=True)
    child.start()
    child.join(60)
    assert queue.get(timeout=5) == 1
