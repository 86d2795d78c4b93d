"""Opening one SFTP session with paramiko: pinned host key first, then key authentication."""

from __future__ import annotations

import contextlib
import io
import logging
import posixpath
import re
import shlex
import socket
from collections.abc import Iterator
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any

from connectors.buffers import ChunkPipe
from connectors.errors import AuthenticationFailed, ConfigError, HostKeyRejected
from connectors.hostkey import HostKeyPin, fingerprint

if TYPE_CHECKING:
    import paramiko

    from connectors.sftp import SFTPConfig

log = logging.getLogger(__name__)

# AES-GCM first: one AEAD pass instead of a cipher pass and a MAC pass, the cheapest paramiko
# speaks (bench/transfer.py --levers measures the alternatives); the rest is paramiko's default
# order as a fallback. Among MACs (used only with a CTR cipher), the encrypt-then-MAC forms first.
PREFERRED_CIPHERS = ("aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "aes128-ctr", "aes256-ctr")
PREFERRED_MACS = ("hmac-sha2-256-etm@openssh.com", "hmac-sha2-256", "hmac-sha2-512-etm@openssh.com")
# The commands `server_sha256` may name, each printing "<hex digest> <name>" for one file.
DIGEST_COMMANDS = {"sha256sum": "sha256sum -b --", "openssl": "openssl dgst -sha256 -r --"}
_SHA256_HEX = re.compile(r"[0-9a-f]{64}")


class Session:
    """A connected, authenticated paramiko transport and its SFTP client."""

    def __init__(self, transport: paramiko.Transport, sftp: Any, server_key: paramiko.PKey):
        self.transport = transport
        self.sftp = sftp
        self.server_key = server_key

    @property
    def fingerprint(self) -> str:
        return f"{self.server_key.get_name()} {fingerprint(self.server_key.asbytes())}"

    @cached_property
    def limits(self) -> tuple[int, int]:
        """The largest read and write the server serves in one request (limits@openssh.com),
        else 32 KiB, the size every SFTP server must accept."""
        if "limits@openssh.com" not in self.sftp.extensions:
            return 32768, 32768
        from paramiko.sftp import CMD_EXTENDED

        _, msg = self.sftp._request(CMD_EXTENDED, "limits@openssh.com")
        msg.get_int64()  # max packet length
        max_read, max_write = int(msg.get_int64()), int(msg.get_int64())
        return max_read or 32768, max_write or 32768

    @property
    def has_posix_rename(self) -> bool:
        return "posix-rename@openssh.com" in self.sftp.extensions

    @property
    def has_check_file(self) -> bool:
        return bool({"check-file", "check-file-name"} & set(self.sftp.extensions))

    def check_file_sha256(self, path: str) -> str | None:
        """The server's SHA-256 of a file by the `check-file-name` SFTP extension (filexfer
        draft 09, 9.1.2), if the server announces it and hashes with SHA-256; else None.
        (`md5-hash` style extensions are not used: MD5 proves nothing against a forger.)"""
        if not self.has_check_file:
            return None
        from paramiko.sftp import CMD_EXTENDED, SFTPError, int64

        try:  # algorithms, offset, length (0: to the end), block size (0: one hash of it all)
            _, msg = self.sftp._request(
                CMD_EXTENDED, "check-file-name", path, "sha256", int64(0), int64(0), 0
            )
        except (SFTPError, OSError) as exc:
            if not self.transport.is_active():
                raise  # the connection dropped: the caller retries
            log.warning("check-file refused (%s); reading back", type(exc).__name__)
            return None
        if msg.get_text() != "check-file" or msg.get_text() != "sha256":
            return None
        digest = bytes(msg.get_remainder())
        return digest.hex() if len(digest) == 32 else None

    def close(self) -> None:
        try:
            self.sftp.close()
        finally:
            self.transport.close()


class ServerDigest:
    """The SHA-256 of an uploaded file computed by the server's shell over an exec channel, for
    partners whose account allows it (declared per partner: `server_sha256`).

    Started before the upload ends: the shell waits for one line on its input, so starting a
    process on the server overlaps the upload, and `go` (sent once every write is acknowledged)
    lets the hashing overlap the server's fsync. If `go` never comes, the command never runs.
    """

    def __init__(self, session: Session, path: str, command: str, timeout: float) -> None:
        folder, name = posixpath.split(path)
        # The shell starts in the account's home, SFTP perhaps elsewhere: an absolute path.
        absolute = posixpath.join(str(session.sftp.normalize(folder or ".")), name)
        self.command = command
        self.channel = session.transport.open_session(timeout=timeout)
        self.channel.settimeout(timeout)
        self.channel.exec_command(
            f"read -r go && exec {DIGEST_COMMANDS[command]} {shlex.quote(absolute)}"
        )

    def go(self) -> None:
        self.channel.sendall(b"go\n")
        self.channel.shutdown_write()

    def result(self, timeout: float) -> str | None:
        """The digest (hex), or None when the command failed (the caller reads the file back)."""
        try:
            self.channel.settimeout(timeout)
            out = b""
            while len(out) < 4096 and (chunk := self.channel.recv(4096)):
                out += chunk
            status = self.channel.recv_exit_status()
        finally:
            self.close()
        # Both commands print "<hex> <name>"; a line whose name was escaped starts with "\".
        digest = out.decode("ascii", "replace").lstrip("\\")[:64]
        if status != 0 or not _SHA256_HEX.fullmatch(digest):
            log.warning(
                "%s failed on the partner server (status %s); reading back", self.command, status
            )
            return None
        return digest

    def close(self) -> None:
        self.channel.close()


def open_session(config: SFTPConfig, who: str) -> Session:
    """Connect, check the host key against the pin before sending any credential, authenticate."""
    import paramiko
    from paramiko.ssh_exception import IncompatiblePeer

    pin = HostKeyPin.parse(config.host_key) if config.host_key else None
    sock = socket.create_connection((config.host, config.port), timeout=config.connect_timeout)
    transport = paramiko.Transport(
        sock,
        default_window_size=config.window_size,
        default_max_packet_size=config.max_packet_size,
    )
    try:
        transport.banner_timeout = config.connect_timeout
        transport.handshake_timeout = config.connect_timeout
        options = transport.get_security_options()
        options.ciphers = _preferred_first(config.ciphers or PREFERRED_CIPHERS, options.ciphers)
        options.digests = _preferred_first(config.macs or PREFERRED_MACS, options.digests)
        if pin is not None:
            # Ask only for the pinned key type, so a server with several keys shows the pinned one.
            options.key_types = _negotiable(pin.key_type, tuple(options.key_types), who)
        try:
            transport.start_client(timeout=config.connect_timeout)
        except IncompatiblePeer as exc:
            raise HostKeyRejected(
                f"{who}: the server at {config.host}:{config.port} offers no "
                f"{pin.key_type if pin else ''} host key, so the pinned key cannot match "
                "(has the partner changed their server?)"
            ) from exc
        server_key = transport.get_remote_server_key()
        _check_host_key(pin, server_key, config, who)
        _authenticate(transport, config, who)
        channel = transport.open_session(
            window_size=config.window_size, max_packet_size=config.max_packet_size
        )
        # Before the server sends a byte: paramiko offers no hook for a channel's buffer, and
        # ChunkPipe keeps the interface Channel uses (tests/connectors/test_sftp_buffers.py).
        channel.in_buffer = ChunkPipe()  # type: ignore[assignment]
        channel.invoke_subsystem("sftp")
        sftp = _sftp_client_class()(channel)
        sftp.get_channel().settimeout(config.timeout)
        return Session(transport, sftp, server_key)
    except BaseException:
        transport.close()
        raise


def _preferred_first(preferred: tuple[str, ...], supported: Any) -> tuple[str, ...]:
    supported = tuple(supported)
    first = tuple(name for name in preferred if name in supported)
    return first + tuple(name for name in supported if name not in first)


def _negotiable(key_type: str, supported: tuple[str, ...], who: str) -> tuple[str, ...]:
    """Host key algorithms that yield a key of the pinned type (an RSA key signs as rsa-sha2-*)."""
    names = ("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa") if key_type == "ssh-rsa" else (key_type,)
    usable = tuple(name for name in names if name in supported)
    if not usable:
        raise ConfigError(f"{who}: pinned host key type {key_type!r} is not supported")
    return usable


def _check_host_key(
    pin: HostKeyPin | None, server_key: paramiko.PKey, config: SFTPConfig, who: str
) -> None:
    offered = f"{server_key.get_name()} {fingerprint(server_key.asbytes())}"
    if pin is None:
        line = HostKeyPin(server_key.get_name(), server_key.asbytes()).line()
        raise HostKeyRejected(
            f"{who}: no host key is pinned for {config.host}:{config.port}; the server offers "
            f"{offered}. Confirm that fingerprint with the partner out of band, then set "
            f"host_key: {line} in the partner's YAML"
        )
    if server_key.get_name() != pin.key_type or server_key.asbytes() != pin.blob:
        raise HostKeyRejected(
            f"{who}: HOST KEY MISMATCH for {config.host}:{config.port}: the server offers "
            f"{offered}, the pinned key is {pin.key_type} {pin.fingerprint}. Refusing to connect. "
            "If the partner has really changed their key, confirm it out of band and update "
            "host_key in the partner's YAML"
        )


def _authenticate(transport: paramiko.Transport, config: SFTPConfig, who: str) -> None:
    import paramiko

    try:
        if config.private_key is not None or config.key_file is not None:
            transport.auth_publickey(config.username, _load_key(config, who))
        elif config.password is not None:
            transport.auth_password(config.username, config.password.get_secret_value())
        else:  # the config model forbids this; keep the message for safety
            raise ConfigError(f"{who}: no private key configured")
    except paramiko.AuthenticationException as exc:
        raise AuthenticationFailed(
            f"{who}: {config.username}@{config.host} rejected our credentials "
            f"({type(exc).__name__}); check the key the partner has authorised"
        ) from None


def _load_key(config: SFTPConfig, who: str) -> paramiko.PKey:
    import paramiko

    passphrase = config.passphrase.get_secret_value() if config.passphrase else None
    try:
        if config.key_file is not None:
            return paramiko.PKey.from_path(config.key_file, passphrase)
        assert config.private_key is not None
        text = config.private_key.get_secret_value()
        for key_class in (paramiko.Ed25519Key, paramiko.ECDSAKey, paramiko.RSAKey):
            try:
                return key_class.from_private_key(io.StringIO(text), passphrase)
            except paramiko.SSHException:
                continue
    except (OSError, paramiko.SSHException, ValueError) as exc:
        raise ConfigError(
            f"{who}: the private key cannot be loaded ({type(exc).__name__})"
        ) from None
    raise ConfigError(
        f"{who}: the private key is not an Ed25519, ECDSA or RSA key (or wrong passphrase)"
    )


@cache
def _sftp_client_class() -> Any:
    """paramiko's client ignores the extensions the server announces; this one keeps them."""
    import struct

    import paramiko
    from paramiko.sftp import CMD_INIT, CMD_VERSION, SFTPError

    class ExtensionAwareSFTPClient(paramiko.SFTPClient):
        extensions: dict[str, str]

        def _send_version(self) -> int:
            init = paramiko.Message()
            init.add_int(3)
            self._send_packet(CMD_INIT, init)  # type: ignore[attr-defined]
            kind, data = self._read_packet()  # type: ignore[attr-defined]
            if kind != CMD_VERSION:
                raise SFTPError("Incompatible sftp protocol")
            message = paramiko.Message(data[4:])
            self.extensions = {}
            while message.get_remainder():
                name = message.get_text()
                self.extensions[name] = message.get_text()
            return int(struct.unpack(">I", data[:4])[0])

        _held: list[bytes] | None = None

        def _write_all(self, out: bytes) -> None:
            if self._held is not None:
                self._held.append(out)
                return
            super()._write_all(out)  # type: ignore[misc]

        @contextlib.contextmanager
        def batched(self) -> Iterator[None]:
            """Requests made inside go to the server together, in one channel write: a burst
            of small read requests costs one SSH packet and one system call, not one each.
            Only for requests whose replies are read after the block."""
            self._held = []
            try:
                yield
            finally:
                held, self._held = self._held, None
                if held:  # sent even after a failure: the requests are registered as awaited
                    super()._write_all(b"".join(held))  # type: ignore[misc]

        def _read_all(self, n: int) -> bytes:
            # paramiko's own grows a bytes object piece by piece: a 255 KiB reply arriving in
            # pieces is copied over and over. The pieces as they come, joined once.
            channel = self.sock
            if not isinstance(channel, paramiko.Channel):
                return bytes(super()._read_all(n))
            piece = channel.recv(n)
            if len(piece) == n:
                return bytes(piece)
            pieces, got = [piece], len(piece)
            while got < n:
                if not piece:
                    raise EOFError()
                piece = channel.recv(n - got)
                pieces.append(piece)
                got += len(piece)
            return b"".join(pieces)

    return ExtensionAwareSFTPClient
