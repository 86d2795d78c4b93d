"""What the owner-only rule looks at: every file and folder under a root, seen from outside."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

LOOSE_UMASK = 0o022  # a common default: new files 0644 and folders 0755, readable by everyone


def open_to_others(root: Path, skip: Iterable[Path] = ()) -> list[str]:
    """'<mode> <path>' for `root` and everything under it that its group or others may use at
    all; symlinks are not followed, and folders in `skip` (with their contents) are left out."""
    skipped = set(skip)
    entries = [root]
    for folder, dirs, files in os.walk(root):
        dirs[:] = [name for name in dirs if Path(folder, name) not in skipped]
        entries.extend(Path(folder, name) for name in (*dirs, *files))
    found = []
    for path in entries:
        mode = path.lstat().st_mode
        if not stat.S_ISLNK(mode) and stat.S_IMODE(mode) & 0o077:
            found.append(f"{stat.filemode(mode)} {path}")
    return found


def every_path(root: Path) -> set[str]:
    """Every path under `root`, relative to it, to show that a walk looked at something."""
    return {
        str(Path(folder, name).relative_to(root))
        for folder, dirs, files in os.walk(root)
        for name in (*dirs, *files)
    }


@contextmanager
def loose_umask() -> Iterator[None]:
    """Run with the permissive umask a shell often has, and put the original back afterwards."""
    original = os.umask(LOOSE_UMASK)
    try:
        yield
    finally:
        os.umask(original)
