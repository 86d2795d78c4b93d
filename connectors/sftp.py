"""SFTP transport (paramiko): pinned host key, key auth, pipelined writes, prefetched reads.

Hashing and disk I/O run on a helper thread beside the network (`connectors.overlap`). An
upload is proved before its rename by the SHA-256 of the stored file: the server's own where
it offers one (the check-file extension, or a command the partner's transport declares in
`server_sha256`), else by reading it back; `verify: size` in the connection checks the size only.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import stat
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import SecretStr, model_validator

from connectors.base import Entry, FolderStatus, HashingWriter, Sink, Transport, TransportConfig
from connectors.connection import Connection
from connectors.errors import TransportError
from connectors.sftp_session import ServerDigest, Session, open_session
from connectors.sftp_stream import read_pipelined, write_pipelined
from connectors.spec import TransportSpec

log = logging.getLogger(__name__)
_TRANSIENT_ERRNOS = {
    errno.ECONNREFUSED,
    errno.ECONNRESET,
    errno.ECONNABORTED,
    errno.EPIPE,
    errno.ETIMEDOUT,
    errno.EHOSTUNREACH,
    errno.ENETUNREACH,
}


class SFTPConfig(TransportConfig):
    host: str
    port: int = 22
    username: str
    host_key: str | None = None  # None refuses to connect, naming the key the server offers
    private_key: SecretStr | None = None
    key_file: Path | None = None
    passphrase: SecretStr | None = None
    password: SecretStr | None = None
    allow_password: bool = False
    # sha256: prove the SHA-256 of the uploaded temp file before the rename, by the server's
    # own digest where it offers one (check-file, or sha256sum when declared), else by reading
    # it back; reread: always read it back; size: the stored size only (SSH MACs the wire).
    verify: Literal["sha256", "reread", "size"] = "sha256"
    # From the partner's transport section (server_sha256): a command the account may run.
    exec_digest: Literal["sha256sum", "openssl"] | None = None
    # Below this size, reading a file back is quicker than starting a command on the server
    # (a process on a busy loopback server took ~0.4 s to start; over a WAN a re-read costs
    # far more than a start, so the crossing is low).
    exec_digest_from: int = 8 * 1024 * 1024
    fsync: bool = True  # server flushes the temp file before the rename (fsync@openssh.com)
    # Throughput levers; defaults are what bench/transfer.py --levers measured fastest.
    # Fewer, larger SFTP requests cut paramiko's per-request cost: reads and writes go up to
    # the server's advertised limits (limits@openssh.com: 255 KiB from OpenSSH; 32 KiB, the
    # size every server must take, when it says nothing), at most these sizes. A
    # 32 MiB window keeps the server sending while a packet is decrypted (downloads gained
    # in two lever runs); it bounds what may wait in memory, whatever the file's size.
    # 64 reads in flight (16 MiB from OpenSSH) keep the server busy while this side waits
    # for the GIL: 200 MB downloads went from 0.92x OpenSSH at 16 to 1.0x (12 rounds, taking
    # turns); deeper gained nothing. Deep queues cost nothing since connectors.buffers.
    write_size: int = 1024 * 1024
    write_depth: int = 16
    read_size: int = 1024 * 1024
    read_depth: int = 64
    window_size: int = 32 * 1024 * 1024
    max_packet_size: int = 262144
    # Preferred cipher and MAC names, first choice first (None: sftp_session's measured order);
    # only names paramiko speaks are offered, the server picks among them.
    ciphers: tuple[str, ...] | None = None
    macs: tuple[str, ...] | None = None

    @model_validator(mode="after")
    def _key_auth_unless_partner_insists(self) -> SFTPConfig:
        if self.private_key is None and self.key_file is None:
            if self.password is None:
                raise ValueError("set extra.private_key or extra.key_file (key authentication)")
            if not self.allow_password:
                raise ValueError(
                    "password authentication is off: use a key, or set extra.allow_password=true "
                    "if the partner insists"
                )
        return self


class SFTPTransport(Transport):
    kind = "sftp"
    config_type = SFTPConfig
    conn_types = frozenset({"sftp", "ssh"})
    config: SFTPConfig

    def __init__(self, spec: TransportSpec, config: SFTPConfig) -> None:
        super().__init__(spec, config)
        self.upload_check = config.verify
        self._session: Session | None = None
        self._digests: dict[str, ServerDigest] = {}  # started with an upload, read after it

    @classmethod
    def config_fields(cls, spec: TransportSpec, conn: Connection) -> dict[str, Any]:
        extra = conn.extra
        levers = (
            "fsync",
            "write_size",
            "write_depth",
            "read_size",
            "read_depth",
            "window_size",
            "max_packet_size",
            "ciphers",
            "macs",
            "exec_digest_from",
        )
        # extra.no_host_key_check (an Airflow SFTP option) is deliberately not honoured.
        return {
            "host": conn.host,
            "port": conn.port,
            "username": conn.login,
            "password": conn.password,
            "host_key": extra.get("host_key") or spec.host_key,
            "private_key": extra.get("private_key"),
            "key_file": extra.get("key_file"),
            "passphrase": extra.get("private_key_passphrase") or extra.get("passphrase"),
            "allow_password": extra.get("allow_password"),
            "verify": extra.get("verify"),
            "exec_digest": spec.server_sha256,
            "connect_timeout": extra.get("conn_timeout") or extra.get("connect_timeout"),
            "timeout": extra.get("timeout"),
            "retries": extra.get("retries"),
            "retry_base_delay": extra.get("retry_base_delay"),
            **{name: extra.get(name) for name in levers},
        }

    @property
    def session(self) -> Session:
        if self._session is None:
            self._session = open_session(self.config, f"connection {self.spec.connection_id!r}")
        return self._session

    def close(self) -> None:
        digests, self._digests = self._digests, {}
        for digest in digests.values():
            with contextlib.suppress(Exception):
                digest.close()
        session, self._session = self._session, None
        if session is not None:
            with contextlib.suppress(Exception):
                session.close()

    def identity(self) -> str | None:
        return self.session.fingerprint

    # ----- hooks ---------------------------------------------------------------------------

    def _scan(self, folder_path: str) -> Iterable[Entry]:
        sftp = self.session.sftp
        for attrs in sftp.listdir_attr(folder_path):
            entry = _entry_of(attrs.filename, attrs)
            if entry.kind == "link":
                with contextlib.suppress(OSError):
                    target = sftp.stat(f"{folder_path}/{attrs.filename}")
                    entry = Entry(entry.name, target.st_size or 0, entry.mtime, "link")
            yield entry

    def _entry(self, path: str) -> Entry | None:
        try:
            return _entry_of(path.rsplit("/", 1)[-1], self.session.sftp.lstat(path))
        except FileNotFoundError:
            return None

    def _download(self, path: str, sink: Sink) -> str | None:
        cfg = self.config
        session = self.session
        size = session.sftp.stat(path).st_size or 0
        read_size = min(cfg.read_size, session.limits[0])
        read_pipelined(session.sftp, path, size, sink, read_size, cfg.read_depth)
        return None

    def _stored_sha256(self, path: str, size: int) -> str | None:
        digest = self._digests.pop(path, None)
        if digest is not None:  # allow for a slow command on a large file
            return digest.result(self.config.timeout + size / (20 * 1024 * 1024))
        return self.session.check_file_sha256(path)  # within SFTP: as cheap as a stat

    def _start_digest(self, path: str, size: int) -> ServerDigest | None:
        """A server-side digest for this upload, if the partner declared a command, the file is
        large enough to be worth starting one, and the server offers no check-file."""
        import paramiko

        cfg, session = self.config, self.session
        if (
            self.upload_check != "sha256"
            or cfg.exec_digest is None
            or size < cfg.exec_digest_from
            or session.has_check_file
        ):
            return None
        try:
            return ServerDigest(session, path, cfg.exec_digest, cfg.timeout)
        except paramiko.ChannelException as exc:  # the account may not run commands after all
            log.warning("%s refused a command channel (%s); reading back", self.kind, exc)
            return None

    def _write_file(self, source: Path, path: str) -> HashingWriter:
        cfg, session = self.config, self.session
        sink = HashingWriter(None)
        fsync = cfg.fsync and "fsync@openssh.com" in session.sftp.extensions
        if (earlier := self._digests.pop(path, None)) is not None:
            earlier.close()  # from an attempt that failed before its proof
        digest = self._start_digest(path, source.stat().st_size)
        try:
            with source.open("rb") as local:
                write_size = min(cfg.write_size, session.limits[1])
                write_pipelined(
                    session.sftp,
                    path,
                    local,
                    sink,
                    write_size,
                    cfg.write_depth,
                    fsync,
                    on_written=digest.go if digest is not None else None,
                )
        except BaseException:
            if digest is not None:
                digest.close()
            raise
        if digest is not None:
            self._digests[path] = digest
        return sink

    def _rename_over(self, src: str, dst: str) -> None:
        sftp = self.session.sftp
        if self.session.has_posix_rename:
            sftp.posix_rename(src, dst)  # atomic replace, as rename(2)
            return
        # Plain SFTP rename refuses an existing target: remove it first (a short window).
        log.warning("%s: server lacks posix-rename; replacing %s in two steps", self.kind, dst)
        with contextlib.suppress(FileNotFoundError):
            sftp.remove(dst)
        sftp.rename(src, dst)

    def _remove(self, paths: Sequence[str]) -> None:
        for path in paths:
            with contextlib.suppress(FileNotFoundError):
                self.session.sftp.remove(path)

    def _realpath(self, path: str) -> str:
        return str(self.session.sftp.normalize(path))

    def _folder_status(self, folder: str, path: str) -> FolderStatus:
        sftp = self.session.sftp
        try:
            attrs = sftp.stat(path)
        except FileNotFoundError:
            return FolderStatus(folder=folder, path=path, exists=False, error="no such folder")
        mode = stat.filemode(attrs.st_mode or 0)
        try:
            sftp.listdir(path)
            listable, error = True, None
        except PermissionError as exc:
            listable, error = False, str(exc)
        return FolderStatus(
            folder=folder, path=path, exists=True, listable=listable, permissions=mode, error=error
        )

    def _is_transient(self, exc: BaseException) -> bool:
        import paramiko

        if isinstance(exc, TransportError | paramiko.AuthenticationException):
            return False  # host key, auth and integrity verdicts are final
        if isinstance(exc, EOFError | TimeoutError | ConnectionError | paramiko.SSHException):
            return True
        if isinstance(exc, OSError):
            if exc.errno in _TRANSIENT_ERRNOS:
                return True
            # paramiko reports a dead channel as a bare OSError ("Socket is closed").
            session = self._session
            return session is not None and not session.transport.is_active()
        return False


def _entry_of(name: str, attrs: Any) -> Entry:
    mode = attrs.st_mode or 0
    mtime = datetime.fromtimestamp(attrs.st_mtime or 0, tz=UTC)
    kind: Literal["file", "dir", "link", "other"] = (
        "link"
        if stat.S_ISLNK(mode)
        else "file"
        if stat.S_ISREG(mode)
        else "dir"
        if stat.S_ISDIR(mode)
        else "other"
    )
    return Entry(name, attrs.st_size or 0, mtime, kind)
