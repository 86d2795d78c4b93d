"""Validate a whole file against a contract and summarise it for `asbhub validate`."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from asbhub.records import DEFAULT_MAX_BYTES, FileProblem, read_rows
from contracts.registry import get_contract


class Problem(BaseModel):
    line: int | None
    field: str | None
    message: str


class ValidationResult(BaseModel):
    """The outcome of validating one file: valid, invalid rows, or unreadable as a whole."""

    file: str
    contract: str
    status: str  # valid | invalid | unreadable
    records: int = 0
    valid_records: int = 0
    invalid_records: int = 0
    reason: str | None = None
    problems: list[Problem] = []

    @property
    def exit_code(self) -> int:
        return {"valid": 0, "invalid": 1, "unreadable": 2}[self.status]


def validate_file(
    path: Path, contract_ref: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> ValidationResult:
    contract = get_contract(contract_ref)
    result = ValidationResult(file=str(path), contract=contract_ref, status="valid")
    try:
        for row in read_rows(path, contract, max_bytes):
            result.records += 1
            if row.ok:
                result.valid_records += 1
            else:
                result.invalid_records += 1
                result.problems.extend(
                    Problem(line=p.line, field=p.field, message=p.message) for p in row.problems
                )
    except FileProblem as exc:
        result.status = "unreadable"
        result.reason = exc.reason
        result.problems.append(Problem(line=exc.line, field=None, message=str(exc)))
        return result
    if result.invalid_records:
        result.status = "invalid"
    return result


def describe(result: ValidationResult, limit: int = 200) -> str:
    """Human text: one line per problem, `file line N: field: message`."""
    name = Path(result.file).name
    lines = []
    for problem in result.problems[:limit]:
        if result.status == "unreadable":
            lines.append(problem.message)
        elif problem.field:
            lines.append(f"{name} line {problem.line}: {problem.field}: {problem.message}")
        else:
            lines.append(f"{name} line {problem.line}: {problem.message}")
    if len(result.problems) > limit:
        lines.append(f"... and {len(result.problems) - limit} more problems")
    if result.status == "valid":
        lines.append(f"{name}: {result.records} records, all valid against {result.contract}")
    elif result.status == "invalid":
        lines.append(
            f"{name}: {result.invalid_records} of {result.records} records invalid "
            f"against {result.contract}"
        )
    return "\n".join(lines)
