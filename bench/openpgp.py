"""Benchmark: what OpenPGP costs a partner's batch, against GnuPG's own command line.

For one file of referrals-like CSV (default 50 MB, synthetic), measures side by side in one run:

* the hub sealing it (`asbhub.openpgp.seal_files`: a keyring made for the use, the partner's
  pinned key and the hub's secret key imported, encrypted and signed, the keyring removed) and
  `gpg --encrypt --sign` on a keyring prepared beforehand;
* the hub opening a partner's file (`Keyring.open` in a fresh keyring: decrypt, check the
  signer is pinned) and `gpg --decrypt` on a prepared keyring;
* the fixed cost of one use (keyring made, keys imported, agent stopped) on a 1 KB file, which
  is what a rejection report or a small outcomes file pays.

Each figure is the best of --repeat runs; the machine's load is recorded before and after, and
with --wait-quiet the script waits (up to that many seconds) for the one-minute load to fall
under 0.5 per core, and refuses to write results measured on a busy machine.

Writes bench/results/openpgp.json.

    .venv/bin/python bench/openpgp.py --wait-quiet 600
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _quiet(limit: float, wait: int) -> bool:
    deadline = time.monotonic() + wait
    while True:
        if os.getloadavg()[0] / (os.cpu_count() or 1) < limit:
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(10)


def _gpg(home: Path) -> list[str]:
    return ["gpg", "--homedir", str(home), "--batch", "--yes", "--trust-model", "always"]


def _best(repeat: int, step) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return min(times)


WORDS = [
    "youths",
    "gathering",
    "shops",
    "evenings",
    "noise",
    "music",
    "late",
    "night",
    "caller",
    "reports",
    "again",
    "neighbour",
    "door",
    "shouting",
    "bins",
    "fire",
    "smoke",
    "car",
    "parked",
    "drive",
    "blocking",
    "dog",
    "barking",
    "garden",
    "fence",
    "window",
    "broken",
    "threatened",
    "verbal",
    "abuse",
    "group",
    "bikes",
    "alley",
    "park",
    "stairwell",
    "flats",
    "landing",
    "graffiti",
]


def _csv(path: Path, megabytes: int) -> None:
    """Synthetic referral rows whose narratives vary word by word, so that the file compresses
    about as a real feed does (gpg compresses before it encrypts)."""
    rng = random.Random(20261125)
    with path.open("w", encoding="utf-8") as out:
        out.write("referral_id,incident_ref,reported_date,nsir_category,asb_type,high,text\n")
        while out.tell() < megabytes * 1_000_000:
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 60)))
            out.write(
                f"R-{rng.getrandbits(64):016X},42/{rng.randrange(10**6):06d}/26,"
                f"2026-11-{rng.randint(1, 25):02d},nuisance,noise,{rng.random() < 0.1},"
                f'"<PERSON> {text}"\n'
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--wait-quiet", type=int, default=0)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "openpgp.json")
    args = parser.parse_args()

    from asbhub.openpgp import Keyring, PartnerOpenPgp, generate_key, seal_files
    from contracts.documents import ManifestFile

    if args.wait_quiet and not _quiet(0.5, args.wait_quiet):
        print(f"the machine stayed busy (load {os.getloadavg()}): nothing written", file=sys.stderr)
        return 2
    hub = generate_key("Bench hub <hub@bench.example>")
    partner = generate_key("Bench partner <partner@bench.example>")
    scratch = Path(tempfile.mkdtemp(prefix="asbhub-bench-pgp-"))
    load_before = os.getloadavg()
    try:
        config = scratch / "config"
        (config / "keys").mkdir(parents=True)
        (config / "keys" / "partner.asc").write_text(partner.public)
        os.environ["ASBHUB_OPENPGP_KEY"] = hub.secret
        os.environ.pop("ASBHUB_OPENPGP_PASSPHRASE", None)
        config_partner = SimpleNamespace(
            id="bench_partner",
            openpgp=PartnerOpenPgp(
                keys=[{"fingerprint": partner.fingerprint, "file": "partner.asc"}]  # type: ignore[list-item]
            ),
        )
        folder = scratch / "batch"
        folder.mkdir()
        plain = folder / "referrals-20261125.csv"
        _csv(plain, args.megabytes)
        small = folder / "rejection-small.json"
        small.write_text('{"problems": []}\n' * 60)
        entry = ManifestFile(
            name=plain.name, contract="referral/1.0", records=1, bytes=1, sha256="0" * 64
        )
        small_entry = entry.model_copy(update={"name": small.name})

        hub_seal = _best(args.repeat, lambda: seal_files(config, config_partner, folder, [entry]))
        one_use = _best(
            args.repeat, lambda: seal_files(config, config_partner, folder, [small_entry])
        )

        # GnuPG's command line on keyrings prepared beforehand (no per-use cost).
        hub_home = scratch / "gpg-hub"
        partner_home = scratch / "gpg-partner"
        for home, own, other in ((hub_home, hub, partner), (partner_home, partner, hub)):
            home.mkdir(mode=0o700)
            for text in (own.secret, other.public):
                subprocess.run(
                    ["gpg", "--homedir", str(home), "--batch", "--import"],
                    input=text.encode(),
                    capture_output=True,
                    check=True,
                )
        out = scratch / "cli.pgp"

        def cli_seal() -> None:
            subprocess.run(
                [
                    *_gpg(hub_home),
                    *("--encrypt", "--sign", "-r", partner.fingerprint, "-u", hub.fingerprint),
                    *("-o", str(out), str(plain)),
                ],
                capture_output=True,
                check=True,
            )

        cli_encrypt = _best(args.repeat, cli_seal)
        # The partner's file back: sealed by the partner for the hub.
        sealed = scratch / "outcomes.csv.pgp"
        subprocess.run(
            [
                *_gpg(partner_home),
                *("--encrypt", "--sign", "-r", hub.fingerprint, "-u", partner.fingerprint),
                *("-o", str(sealed), str(plain)),
            ],
            capture_output=True,
            check=True,
        )
        opened = scratch / "opened.csv"

        def hub_open() -> None:
            with Keyring() as keyring:
                keyring.import_hub(hub.secret, None)
                keyring.import_public(partner.public, partner.fingerprint, "bench")
                keyring.open(
                    sealed,
                    opened,
                    frozenset({partner.fingerprint}),
                    require_signature=True,
                    require_encryption=True,
                    max_bytes=10**10,
                )

        def cli_open() -> None:
            subprocess.run(
                [*_gpg(hub_home), "-o", str(opened), "--decrypt", str(sealed)],
                capture_output=True,
                check=True,
            )

        hub_decrypt = _best(args.repeat, hub_open)
        cli_decrypt = _best(args.repeat, cli_open)
        for home in (hub_home, partner_home):
            subprocess.run(["gpgconf", "--homedir", str(home), "--kill", "gpg-agent"], check=False)
    finally:
        load_after = os.getloadavg()
        shutil.rmtree(scratch, ignore_errors=True)
    figures = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "what": "one CSV file sealed (encrypt + sign) and opened (decrypt + verify), the hub's "
        "path (a keyring per use) beside gpg on prepared keyrings; best of --repeat",
        "megabytes": args.megabytes,
        "repeat": args.repeat,
        "seal_seconds": {"hub": round(hub_seal, 3), "gpg_cli": round(cli_encrypt, 3)},
        "open_seconds": {"hub": round(hub_decrypt, 3), "gpg_cli": round(cli_decrypt, 3)},
        "seal_mb_per_s": {
            "hub": round(args.megabytes / hub_seal, 1),
            "gpg_cli": round(args.megabytes / cli_encrypt, 1),
        },
        "open_mb_per_s": {
            "hub": round(args.megabytes / hub_decrypt, 1),
            "gpg_cli": round(args.megabytes / cli_decrypt, 1),
        },
        "seal_ratio_hub_to_cli": round(cli_encrypt / hub_seal, 2),
        "open_ratio_hub_to_cli": round(cli_decrypt / hub_decrypt, 2),
        "one_use_seconds_1kb_file": round(one_use, 3),
        "load_before": load_before,
        "load_after": load_after,
        "cpus": os.cpu_count(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
