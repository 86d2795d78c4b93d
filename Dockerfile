# The hub's image: Airflow 3.3 with the hub installed from the hash-locked production lock
# (requirements.lock: core, airflow and web extras; no test tools, no demo peers).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    AIRFLOW_HOME=/opt/airflow \
    GX_ANALYTICS_ENABLED=false \
    ASBHUB_CONFIG_DIR=/opt/asbhub/config \
    ASBHUB_HOME=/opt/asbhub/var \
    MALLOC_MMAP_THRESHOLD_=2097152 \
    MALLOC_TRIM_THRESHOLD_=33554432

# The MALLOC_ lines: an SFTP download hands paramiko's 32 KiB packets and 255 KiB replies
# through malloc thousands of times a second; by default glibc maps some of those buffers
# fresh and gives freed memory back at once, so every download faults its pages in again
# (12,000-43,000 page faults per 200 MB, a third of the CPU in the worst runs). Keeping
# buffers under 2 MiB on the heap and up to 32 MiB of freed heap per arena took that to a few
# dozen faults and the download's CPU from 0.54 s to 0.45 s (bench/transfer.py runs with
# these values unless told --malloc glibc).

RUN apt-get update \
 && apt-get install -y --no-install-recommends openssh-client gnupg ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 50000 airflow

WORKDIR /opt/asbhub
COPY requirements-bootstrap.lock requirements.lock ./
RUN pip install --no-cache-dir --require-hashes --no-deps -r requirements-bootstrap.lock \
 && uv pip install --system --no-cache --require-hashes -r requirements.lock

COPY pyproject.toml README.md ./
COPY asbhub ./asbhub
COPY connectors ./connectors
COPY contracts ./contracts
COPY expectations ./expectations
RUN uv pip install --system --no-cache --no-deps --no-build-isolation .

# No partner files in the image: they are the deployment's (which partners, their ISAs, their
# pinned host keys) and change without a release, so the stack mounts them read-only at
# ASBHUB_CONFIG_DIR (docker-compose.yml mounts ./config).
COPY dags /opt/airflow/dags
RUN mkdir -p /opt/asbhub/var && chown -R airflow /opt/asbhub/var /opt/airflow

USER airflow
