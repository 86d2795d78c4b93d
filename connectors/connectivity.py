"""`partners check --connect`: reach a partner, show who answered and what each folder allows."""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any, Protocol

from pydantic import BaseModel

from asbhub.errors import HubError
from asbhub.settings import environment
from connectors import open_transport
from connectors.base import FolderStatus
from connectors.spec import FolderKey, TransportSpec


class PartnerLike(Protocol):
    id: str
    transport: TransportSpec


class ConnectResult(BaseModel):
    """What a data engineer needs to see to trust (or fix) a partner's connection."""

    partner_id: str
    transport: str
    connection_id: str
    ok: bool
    identity: str | None = None  # SFTP: host key type and SHA256 fingerprint
    folders: list[FolderStatus] = []
    error: str | None = None
    elapsed_ms: int = 0
    # A partner that receives OpenPGP: its pinned keys, and what is wrong or soon will be.
    openpgp_keys: list[str] = []
    openpgp_problems: list[str] = []
    openpgp_warnings: list[str] = []


def check_connectivity(partner: Any, environ: Mapping[str, str] | None = None) -> ConnectResult:
    """Connect once, report identity and every configured folder; never raises for the server's
    faults (they are the result), and never shows a secret."""
    spec: TransportSpec = partner.transport
    started = time.monotonic()
    result = ConnectResult(
        partner_id=partner.id, transport=spec.type, connection_id=spec.connection_id, ok=False
    )
    try:
        with open_transport(spec, environment() if environ is None else environ) as transport:
            result.identity = transport.identity()
            folders: list[FolderKey] = list(spec.folders)
            result.folders = [transport.folder_status(folder) for folder in folders]
        result.ok = all(f.exists and f.listable for f in result.folders)
        if not result.ok:
            result.error = "; ".join(
                f"{f.folder} ({f.path}): {f.error or 'not listable'}"
                for f in result.folders
                if not (f.exists and f.listable)
            )
    except HubError as exc:
        result.error = str(exc)
    except Exception as exc:  # an unexpected library error is still a result, not a traceback
        result.error = f"{type(exc).__name__}: {exc}"
    result.elapsed_ms = int((time.monotonic() - started) * 1000)
    return result


def describe(result: ConnectResult) -> str:
    """Human lines for one partner: who answered, then each folder's access."""
    head = f"{result.partner_id:<28} {result.transport:<6} {'ok' if result.ok else 'FAILED'}"
    lines = [head + (f"  {result.identity}" if result.identity else "")]
    for folder in result.folders:
        state = "listable" if folder.listable else folder.error or "not listable"
        lines.append(
            f"    {folder.folder:<10} {folder.path:<28} {folder.permissions or '':<11} {state}"
        )
    if result.error and not result.ok:
        lines.append(f"    error: {result.error}")
    lines += [f"    openpgp    {key}" for key in result.openpgp_keys]
    lines += [f"    openpgp    PROBLEM: {problem}" for problem in result.openpgp_problems]
    lines += [f"    openpgp    warning: {warning}" for warning in result.openpgp_warnings]
    return "\n".join(lines)


def report_connectivity(hub: Any, partners: list[Any]) -> int:
    """`partners check --connect`: check each partner (and the OpenPGP keys of a partner that
    receives OpenPGP), emit the results, return the exit code (0 all reachable with usable
    keys, 2 any unreachable or with a key problem: nothing can be sent to it as configured)."""
    results = [check_connectivity(partner) for partner in partners]
    for partner, result in zip(partners, results, strict=True):
        if getattr(partner, "openpgp", None) is not None:
            from asbhub.openpgp import check_keys

            keys = check_keys(hub.settings.config_dir, partner)
            result.openpgp_keys = keys.keys
            result.openpgp_problems = keys.problems
            result.openpgp_warnings = keys.warnings
            if keys.problems:
                result.ok = False
    failed = sum(1 for r in results if not r.ok)
    lines = [describe(r) for r in results]
    lines.append(f"{len(results) - failed} of {len(results)} partners reachable")
    hub.emit(
        {"connectivity": [r.model_dump(mode="json") for r in results], "ok": failed == 0},
        "\n".join(lines),
    )
    return 2 if failed else 0
