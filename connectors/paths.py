"""Confinement of remote names to a partner's folders: one home for every traversal rule."""

from __future__ import annotations

import hashlib
import posixpath
import re
import secrets
import unicodedata

from connectors.errors import UnsafeRemotePath

# Files whose name starts with a dot are in flight (ours: ".<name>.<token>.part") or hidden.
TEMP_SUFFIX = ".part"
# Suffixes that common transfer clients give a file while it is still being written (WinSCP's
# ".filepart", browsers' ".crdownload", and the generic ones); the final name comes by rename.
IN_FLIGHT_SUFFIXES = (".part", ".partial", ".filepart", ".tmp", ".temp", ".crdownload", ".upload")
NAME_MAX_BYTES = 255  # the file-name limit of every file system the hub writes to


def check_name(name: str) -> str:
    """Return `name` if it is one plain file name inside a folder, else raise UnsafeRemotePath."""
    problem = _name_problem(name)
    if problem:
        raise UnsafeRemotePath(f"remote file name {name!r} refused: {problem}")
    return name


def is_safe_name(name: str) -> bool:
    return _name_problem(name) is None


def _name_problem(name: str) -> str | None:
    if not name:
        return "empty name"
    if "\x00" in name:
        return "contains NUL"
    if any(unicodedata.category(ch) == "Cc" for ch in name):
        return "contains a control character"
    # Format characters (bidirectional overrides, zero-width joiners...) make a name display as
    # something else: "invoice\u202ecsv.exe" shows as "invoiceexe.vsc". Never used, always told.
    if any(unicodedata.category(ch) == "Cf" for ch in name):
        return "contains an invisible formatting character (e.g. a bidirectional override)"
    if name.startswith("/") or name.startswith("\\"):
        return "absolute path"
    if "/" in name or "\\" in name:
        return "contains a path separator"
    if name in {".", ".."}:
        return "is a relative path component"
    if len(name.encode("utf-8", "surrogateescape")) > NAME_MAX_BYTES:
        return f"longer than {NAME_MAX_BYTES} bytes"
    return None


def is_in_flight(name: str) -> bool:
    """Hidden and partial files are not ready to read: most transfer tools write under a dot
    name or a temporary suffix and rename to the final name when the file is complete."""
    return name.startswith(".") or name.lower().endswith(IN_FLIGHT_SUFFIXES)


def temp_name(name: str, token: str | None = None) -> str:
    """A hidden name for an upload in progress, in the same folder so the rename is atomic;
    derived from a hash when the readable form would pass the file-name limit. `token` (12
    hex digits) makes it the same name on every attempt, as a resume record needs; by
    default a fresh random one."""
    token = token or secrets.token_hex(6)
    readable = f".{name}.{token}{TEMP_SUFFIX}"
    if len(readable.encode("utf-8", "surrogateescape")) <= NAME_MAX_BYTES:
        return readable
    return local_temp_name(name, token)


def local_temp_name(name: str, token: str | None = None) -> str:
    """A hidden temporary name derived from a hash of `name`, never from the name itself: a
    legal 255-byte remote name plus any suffix would pass the local file-name limit."""
    digest = hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return f".{digest}.{token or secrets.token_hex(6)}{TEMP_SUFFIX}"


def join(folder: str, name: str) -> str:
    """The remote path of `name` inside `folder` (posix), after checking the name."""
    return posixpath.join(folder, check_name(name)) if folder else check_name(name)


def is_within(folder_real: str, target_real: str) -> bool:
    """True when a resolved path lies inside a resolved folder (both posix, normalised)."""
    folder_real = posixpath.normpath(folder_real)
    target_real = posixpath.normpath(target_real)
    if folder_real == "/":
        return target_real.startswith("/")
    return target_real.startswith(folder_real + "/")


# What `temp_name` and `local_temp_name` make: a dot, a name or hash, our 12-hex token, ".part".
_OUR_TEMP = re.compile(r"\..+\.[0-9a-f]{12}" + re.escape(TEMP_SUFFIX), re.DOTALL)


def is_temp_name(name: str) -> bool:
    """True for the hub's own temporary names only: a partner's dotfiles and in-flight names
    (".DS_Store", ".outcome.csv.part", ".outcome.csv.filepart") are never ours to remove."""
    return _OUR_TEMP.fullmatch(name) is not None
