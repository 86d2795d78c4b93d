# The two commands a new user needs are `make demo` and `make test`; both set up first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEB_PACKAGES := openssh-server openssh-client chromium gnupg

.PHONY: setup bytecode demo test lint schemas airflow stack-check bench clean debs

setup: $(STAMP) debs

# The venv is rebuilt only when a lock file changes. It holds the development lock (every
# extra: the tests exercise the DAGs, the audit view and the demo peers); the image holds
# requirements.lock alone.
$(STAMP): requirements-dev.lock requirements.lock requirements-bootstrap.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-bootstrap.lock
	$(BIN)/uv pip sync --quiet --python $(BIN)/python --require-hashes --compile-bytecode requirements-dev.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Byte-code for the hub's own packages, brought up to date before each demo and test run: where
# the environment sets PYTHONDONTWRITEBYTECODE, nothing else writes it, and every process the
# demo and the tests start (Airflow's, the CLI's) would compile every module again (the
# dependencies' byte-code comes with `uv pip sync --compile-bytecode`; together they take the
# demo from some 270 s to 210 s).
bytecode:
	@$(BIN)/python -m compileall -q -j 0 asbhub connectors contracts dags tests >/dev/null

# Debian packages the tests need (OpenSSH's sshd plays the partner SFTP server; GnuPG is
# the OpenPGP engine, asbhub/openpgp.py).
debs:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

demo: setup bytecode
	$(BIN)/asbhub demo

# Airflow's own UI over our DAGs, for looking around: over the last demo's world (var/demo)
# when there is one, else over ./config and ./var. asbhub/demo/look_around.py upgrades the
# hub store, puts the venv on the PATH and prints how to sign in.
airflow: setup bytecode
	$(BIN)/python -m asbhub.demo.look_around

# The production topology of docker-compose.yml started natively: API server, scheduler, DAG
# processor, triggerer and two Celery workers on PostgreSQL and Redis, configured from
# deploy/stack.env.example (or ENV_FILE=.env); see asbhub/demo/stack_check.py.
ENV_FILE ?= deploy/stack.env.example
stack-check: setup bytecode
	$(BIN)/python -m asbhub.demo.stack_check --env-file $(ENV_FILE)

test: setup bytecode
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

schemas: setup
	$(BIN)/asbhub contracts export

clean:
	rm -rf $(VENV) var .pytest_cache
