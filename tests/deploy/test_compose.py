"""The production-like stack in docker-compose.yml is wired as the architecture says: Airflow 3.3 on
the CeleryExecutor with PostgreSQL and Redis, our image, stand-in partners, health checks, and
every setting from one environment file, deploy/stack.env.example (copied to an uncommitted
.env). Nothing here starts the stack: the checks read the files, and run the deploy scripts
with the tools they call replaced."""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from asbhub.options import Options

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_TEXT = (ROOT / "docker-compose.yml").read_text()
COMPOSE: dict[str, Any] = yaml.safe_load(COMPOSE_TEXT)
SERVICES: dict[str, Any] = COMPOSE["services"]
STACK_ENV = ROOT / "deploy" / "stack.env.example"
AIRFLOW = [
    "airflow-apiserver",
    "airflow-scheduler",
    "airflow-dag-processor",
    "airflow-triggerer",
    "airflow-worker",
]
AIRFLOW_ALL = [*AIRFLOW, "airflow-init"]
LONG_RUNNING = [*AIRFLOW, "postgres", "redis", "partner-s3"]
SHARED_SECRETS = [
    "AIRFLOW__CORE__FERNET_KEY",
    "AIRFLOW__API_AUTH__JWT_SECRET",
    "AIRFLOW__API__SECRET_KEY",
    "ASBHUB_LEDGER_KEY",
    "ASBHUB_PSEUDONYM_KEY",
]
SECRET_NAME = re.compile(r"KEY|SECRET|PASSWORD|TOKEN")
# ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?error}, ${NAME?error}, or a bare $NAME.
REFERENCE = re.compile(
    r"\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-?+])(?P<arg>[^}]*))?\}"
    r"|\$(?P<bare>[A-Za-z_][A-Za-z0-9_]*)"
)
ENV_LINE = re.compile(r"(?P<key>[A-Za-z_][A-Za-z0-9_]*)=(?P<value>.*)")


def read_env_file(path: Path) -> dict[str, str]:
    """KEY=VALUE lines of an env file; comments and blank lines skipped, anything else refused
    with its line number (Compose would misread it)."""
    values: dict[str, str] = {}
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = ENV_LINE.fullmatch(line)
        if match is None:
            raise ValueError(f"{path.name}:{number}: not KEY=VALUE: {line!r}")
        if match["key"] in values:
            raise ValueError(f"{path.name}:{number}: {match['key']} set twice")
        values[match["key"]] = match["value"]
    return values


def commented_keys(path: Path) -> set[str]:
    """Keys the env file offers as commented-out examples (`# KEY=value`)."""
    found = re.findall(r"^#\s*([A-Z][A-Z0-9_]*)=", path.read_text(), flags=re.MULTILINE)
    return set(found)


def references(text: str) -> list[tuple[str, str]]:
    """(variable, operator) for each interpolation in compose text; `$$` is a literal dollar."""
    unescaped = text.replace("$$", "")
    return [
        (match["name"] or match["bare"], match["op"] or "")
        for match in REFERENCE.finditer(unescaped)
    ]


def all_environments(node: Any) -> list[tuple[str, Any]]:
    """Every (key, value) set in an `environment:` mapping anywhere in the compose file."""
    found: list[tuple[str, Any]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "environment" and isinstance(value, dict):
                found.extend(value.items())
            else:
                found.extend(all_environments(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(all_environments(item))
    return found


STACK = read_env_file(STACK_ENV)


# ----- the services ---------------------------------------------------------------------------


def test_the_stack_has_every_service() -> None:
    assert set(SERVICES) >= {
        *AIRFLOW_ALL,
        "postgres",
        "redis",
        "partner-keys",
        "partner-sftp",
        "partner-s3",
    }


@pytest.mark.parametrize("name", AIRFLOW)
def test_airflow_services_run_our_image_on_celery(name: str) -> None:
    service = SERVICES[name]
    assert service["image"] == "asbhub:latest" and service["build"] == "."
    env = service["environment"]
    assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
    assert env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].startswith("postgresql+psycopg://")
    assert "@postgres/" in env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"]
    assert (
        env["AIRFLOW__CELERY__BROKER_URL"].startswith("redis://")
        and "@redis:6379" in env["AIRFLOW__CELERY__BROKER_URL"]
    )
    assert env["ASBHUB_DATABASE_URL"].startswith("postgresql+psycopg://")
    assert service["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert service["depends_on"]["redis"]["condition"] == "service_healthy"
    assert service["depends_on"]["airflow-init"]["condition"] == "service_completed_successfully"


@pytest.mark.parametrize("name", LONG_RUNNING)
def test_long_running_services_have_health_checks(name: str) -> None:
    check = SERVICES[name]["healthcheck"]
    assert check["test"] and check["interval"]


def test_commands_are_the_airflow_3_components() -> None:
    commands = {name: " ".join(SERVICES[name]["command"]) for name in AIRFLOW}
    assert commands == {
        "airflow-apiserver": "airflow api-server",
        "airflow-scheduler": "airflow scheduler",
        "airflow-dag-processor": "airflow dag-processor",
        "airflow-triggerer": "airflow triggerer",
        "airflow-worker": "airflow celery worker",
    }


@pytest.mark.parametrize("name", AIRFLOW_ALL)
def test_partner_files_are_mounted_read_only_over_the_config_dir(name: str) -> None:
    service = SERVICES[name]
    assert "./config:/opt/asbhub/config:ro" in service["volumes"]
    assert service["environment"]["ASBHUB_CONFIG_DIR"] == "/opt/asbhub/config"
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert not re.search(r"^COPY config\b", dockerfile, flags=re.MULTILINE)


@pytest.mark.parametrize("name", AIRFLOW_ALL)
def test_the_hub_areas_are_in_the_bucket_and_no_volume_is_shared_for_them(name: str) -> None:
    """Any task on any worker on any host: the areas are in hub-areas, never on a volume."""
    service = SERVICES[name]
    assert service["environment"]["ASBHUB_AREAS_CONNECTION"].startswith(
        "${ASBHUB_AREAS_CONNECTION:?"
    )
    assert not [v for v in service["volumes"] if str(v).split(":")[1:2] == ["/opt/asbhub/var"]]
    assert service["depends_on"]["hub-areas"] == {"condition": "service_healthy"}
    assert "hub-var" not in COMPOSE["volumes"]


# ----- one environment file -------------------------------------------------------------------


def test_every_variable_the_compose_file_uses_is_in_the_env_file() -> None:
    used = {name for name, _ in references(COMPOSE_TEXT)}
    assert used, "the compose file interpolates nothing: the pattern is wrong"
    assert used <= set(STACK), f"not in {STACK_ENV.name}: {sorted(used - set(STACK))}"


def test_no_secret_has_a_default_in_compose() -> None:
    secrets = [(name, op) for name, op in references(COMPOSE_TEXT) if SECRET_NAME.search(name)]
    assert {name for name, _ in secrets} >= {
        "POSTGRES_PASSWORD",
        "REDIS_PASSWORD",
        "HUB_DB_PASSWORD",
        *SHARED_SECRETS,
    }
    # `:?` makes Compose stop with an error when the secret is unset or empty.
    defaulted = sorted({name for name, op in secrets if op != ":?"})
    assert defaulted == [], f"secrets with a default or no check: {defaulted}"


def test_secrets_in_the_env_file_are_placeholders() -> None:
    secrets = {key: value for key, value in STACK.items() if SECRET_NAME.search(key)}
    assert set(secrets) >= {*SHARED_SECRETS, "STACK_ADMIN_PASSWORD", "MINIO_KMS_SECRET_KEY"}
    real = sorted(key for key, value in secrets.items() if not value.startswith("change-me"))
    assert real == [], f"not a change-me placeholder: {real}"


@pytest.mark.parametrize(
    ("key", "value"),
    [(key, value) for key, value in all_environments(COMPOSE) if SECRET_NAME.search(key)],
)
def test_compose_sets_no_secret_itself(key: str, value: Any) -> None:
    assert re.fullmatch(r".*\$\{[A-Z0-9_]+:\?[^}]*\}.*", str(value)), key


def test_the_env_file_is_the_one_source() -> None:
    pointer = (ROOT / ".env.example").read_text()
    assert "deploy/stack.env.example" in pointer
    assert read_env_file(ROOT / ".env.example") == {}, ".env.example must set nothing"
    for name in AIRFLOW_ALL:
        assert SERVICES[name]["env_file"] == ".env"
    tracked = subprocess.run(
        ["git", "ls-files", ".env"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert tracked == "", ".env must never be committed"
    assert ".env" in (ROOT / ".gitignore").read_text().split()


def test_a_malformed_env_line_is_refused_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.env"
    bad.write_text("# fine\nA=1\nexport B=2\n")
    with pytest.raises(ValueError, match=r"bad.env:3: not KEY=VALUE"):
        read_env_file(bad)


@pytest.mark.parametrize("key", SHARED_SECRETS)
def test_the_same_secret_reaches_every_airflow_service(key: str) -> None:
    values = {SERVICES[name]["environment"].get(key) for name in AIRFLOW_ALL}
    assert len(values) == 1, f"{key} differs between Airflow services: {values}"
    (value,) = values
    assert value is not None and value.startswith(f"${{{key}:?"), f"{key} is not required"


def test_airflow_settings_are_real_airflow_options() -> None:
    import airflow
    from airflow.providers.celery.get_provider_info import get_provider_info

    template = (Path(airflow.__file__).parent / "config_templates" / "config.yml").read_text()
    known = {
        (section, option)
        for section, body in {
            **yaml.safe_load(template),
            **get_provider_info()["config"],
        }.items()
        for option in body["options"]
    }
    keys = {key for key, _ in all_environments(COMPOSE)} | set(STACK)
    settings = [key for key in keys if key.startswith("AIRFLOW__")]
    assert settings
    for key in settings:
        _, section, option = key.split("__", 2)
        assert (section.lower(), option.lower()) in known, f"{key} is no Airflow option"


def test_hub_variables_are_options_of_the_hub() -> None:
    keys = {key for key, _ in all_environments(COMPOSE)} | set(STACK) | commented_keys(STACK_ENV)
    hub = {key for key in keys if key.startswith("ASBHUB_")}
    assert {"ASBHUB_LEDGER_KEY", "ASBHUB_PSEUDONYM_KEY", "ASBHUB_DATABASE_URL"} <= hub
    options = {Options.variable(field) for field in Options.model_fields}
    assert hub <= options, f"not fields of asbhub.options.Options: {sorted(hub - options)}"
    documented = (ROOT / "docs" / "data-engineer.md").read_text()
    assert [key for key in hub if f"`{key}`" not in documented] == []


# ----- health checks with what the image has --------------------------------------------------


def health_check_programs(test: list[str] | str) -> set[str]:
    """The programs a Compose health check runs: CMD's first word, or each command of a
    CMD-SHELL line."""
    if isinstance(test, str):
        test = ["CMD-SHELL", test]
    kind, *rest = test
    if kind == "CMD":
        return {rest[0]}
    assert kind == "CMD-SHELL", f"unknown health check form {kind!r}"
    commands = re.split(r"\|\||&&|[|;]", " ".join(rest))
    return {shlex.split(command)[0] for command in commands if command.strip()}


def image_programs() -> set[str]:
    """Programs the hub's image has: python (the base image), and the console scripts of the
    pinned packages the health checks use, if requirements.lock pins them."""
    lock = (ROOT / "requirements.lock").read_text()
    scripts = {"airflow": "apache-airflow==", "celery": "celery=="}
    return {"python"} | {name for name, pin in scripts.items() if f"\n{pin}" in lock}


def test_health_check_programs_are_read_from_both_forms() -> None:
    assert health_check_programs(["CMD", "pg_isready", "-U", "x"]) == {"pg_isready"}
    assert health_check_programs(["CMD-SHELL", "curl -f x | grep ok && wget y"]) == {
        "curl",
        "grep",
        "wget",
    }


@pytest.mark.parametrize(
    "name", [name for name, service in SERVICES.items() if service.get("build") == "."]
)
def test_our_images_health_checks_use_only_what_the_image_has(name: str) -> None:
    check = SERVICES[name].get("healthcheck")
    if check is None:
        assert SERVICES[name].get("restart") == "no", f"{name}: long-running, no health check"
        return
    programs = health_check_programs(check["test"])
    assert programs <= image_programs(), f"{name} calls {programs - image_programs()}"


def test_the_image_installs_no_curl_or_wget() -> None:
    installs = re.findall(r"apt-get install[^\n]*", (ROOT / "Dockerfile").read_text())
    assert installs, "the Dockerfile installs no Debian packages: the pattern is wrong"
    assert not any(re.search(r"\b(curl|wget)\b", line) for line in installs)


def test_the_api_server_health_check_calls_airflows_health_endpoint() -> None:
    """Read from the installed Airflow's source (importing the API app pulls in the whole
    server): the public router is /api/v2, the monitor router /monitor, its route /health."""
    import airflow

    public = Path(airflow.__file__).parent / "api_fastapi" / "core_api" / "routes" / "public"
    assert 'AirflowRouter(prefix="/api/v2")' in (public / "__init__.py").read_text()
    monitor = (public / "monitor.py").read_text()
    assert 'prefix="/monitor"' in monitor and '@monitor_router.get("/health"' in monitor
    test = " ".join(SERVICES["airflow-apiserver"]["healthcheck"]["test"])
    assert "http://localhost:8080/api/v2/monitor/health" in test


# ----- the init service -----------------------------------------------------------------------


def test_the_init_service_runs_the_init_script_mounted_from_deploy() -> None:
    init = SERVICES["airflow-init"]
    assert init["command"] == ["bash", "/opt/asbhub/deploy/init-stack.sh"]
    assert "./deploy/init-stack.sh:/opt/asbhub/deploy/init-stack.sh:ro" in init["volumes"]
    assert (
        "./deploy/standin_partners.py:/opt/asbhub/deploy/standin_partners.py:ro" in init["volumes"]
    )
    assert init["depends_on"]["partner-keys"]["condition"] == "service_completed_successfully"
    assert init["depends_on"]["partner-s3"]["condition"] == "service_healthy"
    manager = init["environment"]["AIRFLOW__CORE__AUTH_MANAGER"]
    assert manager.endswith("FabAuthManager"), "`airflow users create` is the FAB auth manager's"


def fake_tools(tmp_path: Path) -> tuple[Path, Path]:
    """A PATH of the tools init-stack.sh calls, each writing its arguments to a log."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "calls.log"
    for tool in ("airflow", "asbhub", "python"):
        script = bin_dir / tool
        script.write_text(f'#!/bin/sh\necho "{tool} $*" >> {shlex.quote(str(log))}\n')
        script.chmod(0o755)
    return bin_dir, log


def run_init(tmp_path: Path, **extra: str) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    bin_dir, log = fake_tools(tmp_path)
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "STACK_ADMIN_USERNAME": "ops-admin",
        "STACK_ADMIN_EMAIL": "ops@example.org",
        "STACK_ADMIN_PASSWORD": "0f1e2d3c",
        **extra,
    }
    result = subprocess.run(
        ["bash", str(ROOT / "deploy" / "init-stack.sh")],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    calls = log.read_text().splitlines() if log.exists() else []
    return result, calls


def test_the_init_script_migrates_both_databases_creates_the_admin_and_the_standins(
    tmp_path: Path,
) -> None:
    result, calls = run_init(tmp_path)
    assert result.returncode == 0, result.stderr
    assert calls[:3] == [
        "airflow db migrate",
        "asbhub db upgrade",
        "airflow users create --role Admin --username ops-admin --email ops@example.org "
        "--firstname Stack --lastname Admin --password 0f1e2d3c",
    ]
    python, imported = calls[3:]
    assert python.startswith(
        "python /opt/asbhub/deploy/standin_partners.py /opt/asbhub/partner-keys "
    )
    connections_file = python.split()[-1]
    assert imported == f"airflow connections import --overwrite {connections_file}"
    assert not Path(connections_file).exists(), "the connections file outlives the import"


def test_the_init_script_refuses_placeholder_values(tmp_path: Path) -> None:
    result, calls = run_init(tmp_path, AIRFLOW__CORE__FERNET_KEY="change-me-fernet-key")
    assert result.returncode == 2
    assert "AIRFLOW__CORE__FERNET_KEY" in result.stderr
    assert calls == []


# ----- the stand-in partners ------------------------------------------------------------------


def test_the_sftp_standin_signs_in_by_key_only_and_nothing_skips_the_host_key() -> None:
    sftp = SERVICES["partner-sftp"]
    user, password, *_ = sftp["command"][0].split(":")
    assert (user, password) == ("council", ""), "an atmoz/sftp user without password: keys only"
    assert "partner-keys:/standin-keys:ro" in sftp["volumes"]
    assert sftp["depends_on"]["partner-keys"]["condition"] == "service_completed_successfully"
    script = " ".join(sftp["entrypoint"])
    assert "/etc/ssh/ssh_host_ed25519_key" in script and "/home/council/.ssh/keys/" in script
    assert "exec /entrypoint" in script
    for text in (COMPOSE_TEXT, *(p.read_text() for p in (ROOT / "deploy").iterdir())):
        assert "StrictHostKeyChecking" not in text and "no_host_key_check" not in text


def test_the_standin_keys_are_generated_into_the_volume_the_hub_reads() -> None:
    keys = SERVICES["partner-keys"]
    assert keys["user"] == "0:0" and keys["restart"] == "no"
    assert keys["command"][:2] == ["sh", "/opt/asbhub/deploy/standin-keys.sh"]
    assert keys["command"][3] == "50000", "the hub image's airflow user owns the hub's key"
    assert "USER airflow" in (ROOT / "Dockerfile").read_text()
    assert "useradd --create-home --uid 50000 airflow" in (ROOT / "Dockerfile").read_text()
    for name in AIRFLOW_ALL:
        assert "partner-keys:/opt/asbhub/partner-keys:ro" in SERVICES[name]["volumes"]
    assert "partner-keys" in COMPOSE["volumes"]


def test_the_s3_standin_has_its_root_user_and_an_encryption_key() -> None:
    env = SERVICES["partner-s3"]["environment"]
    assert {"MINIO_ROOT_USER", "MINIO_ROOT_PASSWORD", "MINIO_KMS_SECRET_KEY"} <= set(env)


def test_the_image_installs_from_the_hash_locked_requirements() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "--require-hashes" in dockerfile and "requirements.lock" in dockerfile
    assert "COPY dags /opt/airflow/dags" in dockerfile
    assert "USER airflow" in dockerfile


def test_the_readme_says_how_to_start_and_scale_the_stack() -> None:
    readme = (ROOT / "README.md").read_text()
    assert "--scale airflow-worker=" in readme
    assert "cp deploy/stack.env.example .env" in readme
