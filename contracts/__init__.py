"""Versioned pydantic models of every file format that crosses the hub's boundary."""

from contracts.base import Contract
from contracts.registry import CONTRACTS, get_contract

__all__ = ["CONTRACTS", "Contract", "get_contract"]
