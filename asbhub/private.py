"""Owner-only files: everything the hub writes may hold personal data, so only its owner reads it.

The policy is one process umask, set whenever the hub starts (settings resolved, `Hub` built,
demo started), plus a home folder that is private itself. A umask rather than a chmod after
each write, because many files are created by code that never hands us a path: SQLite makes
its -journal, -wal and -shm files itself, and Great Expectations, Presidio, Airflow and the
inbound readers write where we point them. A file created under the umask is never readable by
anyone else, not even for the moment between its creation and a chmod.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from asbhub.errors import EnvironmentProblem

OWNER_ONLY_UMASK = 0o077  # new files 0600, new folders 0700
GROUP_OR_OTHER = 0o077  # the permission bits nobody but the owner may hold
SQLITE_COMPANIONS = ("", "-journal", "-wal", "-shm")


def restrict_umask() -> None:
    """Make every file and folder this process creates from now on owner-only."""
    os.umask(os.umask(OWNER_ONLY_UMASK) | OWNER_ONLY_UMASK)  # never loosen a stricter umask


def secure_home(home: Path, database_url: str | None = None) -> None:
    """Set the umask and make `home` a private folder (0700), created if missing.

    A home that was open to others (made by an earlier version, or under a looser umask) has
    everything in it tightened once; after that the umask keeps it so, without a walk per run.
    A SQLite store outside the home has its file and journals tightened as well.
    """
    restrict_umask()
    was_open = home.is_dir() and _is_open(home.stat())
    private_dir(home)
    if was_open:
        tighten_tree(home)
    if database_url:
        for path in sqlite_files(database_url):
            tighten(path)


def private_dir(path: Path) -> Path:
    """Create `path` (and any missing parents) owner-only; tighten it if it already existed."""
    if path.is_dir():
        _refuse_shared(path)
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    tighten(path)
    return path


def tighten(path: Path) -> None:
    """Drop the group and other permission bits of one file or folder (not following links)."""
    try:
        st = path.lstat()
    except FileNotFoundError:
        return
    if not stat.S_ISLNK(st.st_mode) and _is_open(st):
        path.chmod(stat.S_IMODE(st.st_mode) & ~GROUP_OR_OTHER)


def tighten_tree(root: Path) -> None:
    """Tighten `root` and everything under it; symlinks are neither followed nor changed."""
    tighten(root)
    for folder, dirs, files in os.walk(root):
        for name in (*dirs, *files):
            tighten(Path(folder, name))


def sqlite_files(database_url: str) -> list[Path]:
    """The files of a SQLite store: the database and the journals SQLite creates beside it."""
    from sqlalchemy.engine import make_url  # not at import: settings (and DAG parsing) use this

    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return []
    database = Path(str(url.database))
    return [database.with_name(database.name + suffix) for suffix in SQLITE_COMPANIONS]


def _is_open(st: os.stat_result) -> bool:
    return bool(stat.S_IMODE(st.st_mode) & GROUP_OR_OTHER)


def _refuse_shared(path: Path) -> None:
    """Never chmod a folder others rely on: a sticky folder such as /tmp, or someone else's."""
    st = path.stat()
    if st.st_mode & stat.S_ISVTX or st.st_uid != os.geteuid():
        raise EnvironmentProblem(
            f"{path} is a shared folder (sticky, or owned by another user), not a hub home: "
            "give the hub a folder of its own with --home or ASBHUB_HOME"
        )
