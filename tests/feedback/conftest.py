"""The DAG folder as tests/dags parses it (one DagBag per session)."""

from __future__ import annotations

from tests.dags.conftest import dagbag  # noqa: F401 (a fixture, shared)
