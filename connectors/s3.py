"""S3 transport (boto3, any S3-compatible endpoint): SSE on every upload, SHA-256 checked by S3.

A file up to `multipart_threshold` (32 MiB) goes in one PutObject with its SHA-256; a larger one in
parallel parts, each with its SHA-256, resumable after a crash (see `connectors.s3_multipart`).
"""

from __future__ import annotations

import base64
import functools
import posixpath
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr

from connectors.base import (
    CHUNK,
    Entry,
    FolderStatus,
    HashingWriter,
    Proof,
    Sink,
    Transport,
    TransportConfig,
    sha256_file,
)
from connectors.connection import Connection
from connectors.errors import AuthenticationFailed, IntegrityError, TransportError
from connectors.paths import temp_name
from connectors.s3_multipart import (
    MIN_PART,
    Layout,
    MiB,
    MultipartUpload,
    abort_recorded,
    part_size_for,
)
from connectors.spec import TransportSpec

DELETE_BATCH = 1000  # the most keys one DeleteObjects call accepts
MAX_SINGLE_PUT = 5 * 1024**3  # S3's limit for one PutObject
_TRANSIENT_CODES = {
    "SlowDown",
    "Throttling",
    "RequestTimeout",
    "InternalError",
    "ServiceUnavailable",
}
_AUTH_CODES = {"InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied", "ExpiredToken"}


class S3Config(TransportConfig):
    bucket: str
    prefix: str = ""
    endpoint_url: str | None = None
    region: str = "eu-west-2"
    access_key_id: str | None = None  # None: boto3's own chain (instance role, env)
    secret_access_key: SecretStr | None = None
    session_token: SecretStr | None = None
    sse: Literal["AES256", "aws:kms"] = "AES256"
    sse_kms_key_id: str | None = None
    # Larger files go in parts sent `concurrency` at a time (memory: concurrency x part size);
    # up to the threshold, one PutObject (one round trip, its SHA-256 checked by S3) is quicker.
    multipart_threshold: int = Field(default=32 * MiB, ge=MIN_PART, le=MAX_SINGLE_PUT)
    part_size: int = Field(default=8 * MiB, ge=MIN_PART, le=MAX_SINGLE_PUT)
    concurrency: int = Field(default=8, ge=1, le=64)


class S3Transport(Transport):
    """Folders are key prefixes under `prefix` in `bucket`; a PutObject is already atomic."""

    kind = "s3"
    config_type = S3Config
    conn_types = frozenset({"aws", "s3"})
    config: S3Config

    def __init__(self, spec: TransportSpec, config: S3Config) -> None:
        super().__init__(spec, config)
        self._client: Any = None

    @classmethod
    def config_fields(cls, spec: TransportSpec, conn: Connection) -> dict[str, Any]:
        extra = conn.extra
        service = (extra.get("service_config") or {}).get("s3") or {}
        return {
            "bucket": extra.get("bucket") or extra.get("bucket_name"),
            "prefix": extra.get("prefix"),
            "endpoint_url": extra.get("endpoint_url") or service.get("endpoint_url"),
            "region": extra.get("region_name") or extra.get("region"),
            "access_key_id": conn.login or extra.get("aws_access_key_id"),
            "secret_access_key": conn.password or extra.get("aws_secret_access_key"),
            "session_token": extra.get("aws_session_token"),
            "sse": extra.get("sse"),
            "sse_kms_key_id": extra.get("sse_kms_key_id"),
            "multipart_threshold": extra.get("multipart_threshold"),
            "part_size": extra.get("part_size"),
            "concurrency": extra.get("concurrency"),
            "connect_timeout": extra.get("connect_timeout"),
            "timeout": extra.get("timeout"),
            "retries": extra.get("retries"),
            "retry_base_delay": extra.get("retry_base_delay"),
        }

    @property
    def client(self) -> Any:
        if self._client is None:
            self._client = s3_client(self.config)
        return self._client

    def close(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            client.close()

    def identity(self) -> str | None:
        return (
            f"s3://{self.config.bucket}/{self.config.prefix} at {self.config.endpoint_url or 'AWS'}"
        )

    def _key(self, path: str) -> str:
        return posixpath.join(self.config.prefix, path.lstrip("/"))

    def _sse(self) -> dict[str, str]:
        return sse_arguments(self.config)

    # ----- hooks ---------------------------------------------------------------------------

    def _scan(self, folder_path: str) -> Iterable[Entry]:
        prefix = self._key(folder_path).rstrip("/") + "/"
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.config.bucket, Prefix=prefix, Delimiter="/"
        )
        for page in pages:
            for obj in page.get("Contents", []):
                name = obj["Key"][len(prefix) :]
                if name:  # the folder marker object itself
                    yield Entry(name, obj["Size"], obj["LastModified"], "file")

    def _entry(self, path: str) -> Entry | None:
        from botocore.exceptions import ClientError

        try:
            head = self.client.head_object(Bucket=self.config.bucket, Key=self._key(path))
        except ClientError as exc:
            if is_missing(exc):
                return None
            raise
        mtime = head.get("LastModified") or datetime.now(tz=UTC)
        return Entry(path.rsplit("/", 1)[-1], head["ContentLength"], mtime, "file")

    def _download(self, path: str, sink: Sink) -> str | None:
        response = self.client.get_object(
            Bucket=self.config.bucket, Key=self._key(path), ChecksumMode="ENABLED"
        )
        for chunk in response["Body"].iter_chunks(CHUNK):
            sink.write(chunk)
        stored = response.get("ChecksumSHA256")
        if stored and "-" not in stored:
            return base64.b64decode(stored).hex()
        # A multipart object carries a checksum of checksums ("...-N"), not the file's SHA-256;
        # the hub's own multipart uploads keep that in the object's metadata.
        claimed = (response.get("Metadata") or {}).get("sha256")
        return str(claimed) if claimed else None

    def _upload(self, source: Path, tmp: str, final: str) -> tuple[str, Proof]:
        size = source.stat().st_size
        sha = self._sha256_while_connecting(source)
        if size > self.config.multipart_threshold:
            self._upload_in_parts(source, final, Layout(size, self._part_size(size), sha))
            return sha, Proof.STORE_SHA256
        b64 = base64.b64encode(bytes.fromhex(sha)).decode()
        with source.open("rb") as body:
            response = self.client.put_object(
                Bucket=self.config.bucket,
                Key=self._key(final),
                Body=body,
                ContentLength=size,
                ChecksumAlgorithm="SHA256",  # store it, so GetObject can return it
                ChecksumSHA256=b64,
                **self._sse(),
            )
        if response.get("ChecksumSHA256") not in (None, b64):
            raise IntegrityError(f"{final}: S3 stored a different SHA-256 than was sent")
        return sha, Proof.STORE_SHA256

    def _sha256_while_connecting(self, source: Path) -> str:
        """The file's SHA-256 (S3 needs it up front and rejects a body that differs), taken while
        another thread builds the client: hashing releases the GIL, building a client needs it
        (a third of a second for a process's first client, which loads botocore's models)."""
        if self._client is not None:
            return sha256_file(source)
        with ThreadPoolExecutor(1, thread_name_prefix="s3-client") as helper:
            client = helper.submit(lambda: self.client)
            sha = sha256_file(source)
            client.result()
        return sha

    def _part_size(self, size: int) -> int:
        return part_size_for(size, self.config.part_size)

    def _upload_in_parts(self, source: Path, final: str, layout: Layout) -> None:
        folder, name = posixpath.split(final)
        record = posixpath.join(folder, temp_name(name, layout.token))
        upload = MultipartUpload(
            client=self.client,
            bucket=self.config.bucket,
            key=self._key(final),
            record_key=self._key(record),
            source=source,
            layout=layout,
            create_arguments=self._sse(),
            concurrency=self.config.concurrency,
        )
        upload.run(self._is_transient)

    def _release(self, paths: Sequence[str]) -> None:
        for path in paths:  # a stale temporary object may be a resume record: abort its upload
            abort_recorded(self.client, self.config.bucket, self._key(path))

    def _write_file(self, source: Path, path: str) -> HashingWriter:  # pragma: no cover
        raise NotImplementedError("S3 uploads go through _upload: a PutObject is atomic")

    def _rename_over(self, src: str, dst: str) -> None:
        bucket = self.config.bucket
        self.client.copy_object(
            Bucket=bucket,
            Key=self._key(dst),
            CopySource={"Bucket": bucket, "Key": self._key(src)},
            ChecksumAlgorithm="SHA256",
            **self._sse(),
        )
        self.client.delete_object(Bucket=bucket, Key=self._key(src))

    def _remove(self, paths: Sequence[str]) -> None:
        keys = [self._key(p) for p in paths]
        for start in range(0, len(keys), DELETE_BATCH):
            batch = keys[start : start + DELETE_BATCH]
            response = self.client.delete_objects(
                Bucket=self.config.bucket,
                Delete={"Objects": [{"Key": k} for k in batch], "Quiet": True},
            )
            errors = response.get("Errors") or []
            if errors:
                failed = ", ".join(f"{e.get('Key')} ({e.get('Code')})" for e in errors[:5])
                raise TransportError(f"s3: {len(errors)} key(s) not deleted: {failed}")

    def _realpath(self, path: str) -> str:
        return "/" + path.lstrip("/")  # S3 has no symlinks

    def _folder_status(self, folder: str, path: str) -> FolderStatus:
        prefix = self._key(path).rstrip("/") + "/"
        self.client.list_objects_v2(Bucket=self.config.bucket, Prefix=prefix, MaxKeys=1)
        return FolderStatus(
            folder=folder, path=path, exists=True, listable=True, permissions="list"
        )

    def _is_transient(self, exc: BaseException) -> bool:
        transient = is_transient(exc)
        return super()._is_transient(exc) if transient is None else transient

    def _translate(self, label: str, exc: Exception) -> Any:
        from botocore.exceptions import BotoCoreError, ClientError, FlexibleChecksumError

        if isinstance(exc, FlexibleChecksumError):  # botocore checks ChecksumSHA256 as it streams
            return IntegrityError(f"{label}: SHA-256 of the received bytes differs from S3's")
        if isinstance(exc, ClientError):
            code = exc.response.get("Error", {}).get("Code", "")
            message = exc.response.get("Error", {}).get("Message", "")
            kind = AuthenticationFailed if code in _AUTH_CODES else TransportError
            return kind(f"{label}: S3 said {code}: {message}")
        if isinstance(exc, BotoCoreError):
            return TransportError(f"{label}: {type(exc).__name__}: {exc}")
        return super()._translate(label, exc)


def sse_arguments(cfg: S3Config) -> dict[str, str]:
    """The server-side encryption every upload asks for."""
    args: dict[str, str] = {"ServerSideEncryption": cfg.sse}
    if cfg.sse == "aws:kms" and cfg.sse_kms_key_id:
        args["SSEKMSKeyId"] = cfg.sse_kms_key_id
    return args


def is_missing(exc: BaseException) -> bool:
    """S3's answer for a key that is not there."""
    from botocore.exceptions import ClientError

    if not isinstance(exc, ClientError):
        return False
    return exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound")


def is_transient(exc: BaseException) -> bool | None:
    """Whether an S3 client's error is worth another try (timeouts, resets, refused
    connections, throttling, 5xx); None for an error that is not the client's."""
    from botocore.exceptions import ClientError, ConnectionError, HTTPClientError

    if isinstance(exc, ConnectionError | HTTPClientError):
        return True
    if isinstance(exc, ClientError):
        error = exc.response.get("Error", {})
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
        return bool(error.get("Code") in _TRANSIENT_CODES or status >= 500)
    return None


def s3_client(cfg: S3Config) -> Any:
    """An S3 client for one connection: its endpoint, region and credentials (None: botocore's
    own chain, e.g. an instance role), no retries of botocore's own (the caller retries), the
    SHA-256 sent by the caller rather than computed again by botocore.

    Bodies are not hashed a second time for the request signature: every body the hub sends
    carries its SHA-256 (or botocore's required checksum) in a signed header that S3 checks,
    which is what botocore itself relies on over HTTPS; over plain HTTP (an S3-compatible
    store on a private network) signing the payload would cost one more SHA-256 pass per part.
    """
    from botocore.config import Config

    return _botocore_session().create_client(
        "s3",
        region_name=cfg.region,
        endpoint_url=cfg.endpoint_url,
        aws_access_key_id=cfg.access_key_id,
        aws_secret_access_key=_reveal(cfg.secret_access_key),
        aws_session_token=_reveal(cfg.session_token),
        config=Config(
            connect_timeout=cfg.connect_timeout,
            read_timeout=cfg.timeout,
            retries={"total_max_attempts": 1},
            request_checksum_calculation="when_required",
            s3={
                "payload_signing_enabled": False,
                **({"addressing_style": "path"} if cfg.endpoint_url else {}),
            },
        ),
    )


@functools.lru_cache(maxsize=1)
def _botocore_session() -> Any:
    """One botocore session per process, for every client: a session keeps the service models
    it has read from disk, which a session per client read again each time (a tenth of a second
    and more a client, paid by every partner's transport and every look into the areas). Each
    client gets its own credentials; the session holds none."""
    import botocore.session

    return botocore.session.get_session()


def _reveal(secret: SecretStr | None) -> str | None:
    return secret.get_secret_value() if secret is not None else None
