"""Synthetic incident/1.0 extracts that look like a real force's: the hub's test and demo data."""

from __future__ import annotations

from asbhub.seed.extract import SeedResult, extract_filename, write_extract
from asbhub.seed.incidents import MAX_INCIDENTS, generate_incidents

__all__ = ["MAX_INCIDENTS", "SeedResult", "extract_filename", "generate_incidents", "write_extract"]
