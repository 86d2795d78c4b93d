#!/bin/bash
# The init service of docker-compose.yml (airflow-init): what the long-running services need
# before they start. Every step is safe to repeat, so it runs on every `docker compose up`.
set -euo pipefail

# Values still as in deploy/stack.env.example would start a stack anyone could sign in to.
placeholders=""
for name in $(compgen -e); do
  case "${!name}" in change-me*) placeholders="$placeholders $name" ;; esac
done
if [ -n "$placeholders" ]; then
  echo "init: replace the placeholder values in .env first:$placeholders" >&2
  exit 2
fi

# Airflow's metadata database, with the FAB auth manager's tables, then the hub's own store.
airflow db migrate
asbhub db upgrade

# The first user of the FAB auth manager; a user of that name already there is left as it is.
airflow users create --role Admin \
  --username "$STACK_ADMIN_USERNAME" --email "$STACK_ADMIN_EMAIL" \
  --firstname Stack --lastname Admin --password "$STACK_ADMIN_PASSWORD"

# The hub areas' bucket and connection, and the stand-in partners': their bucket, and their
# connections with the SFTP host key pinned, stored in Airflow (encrypted with the stack's
# Fernet key). The file holds passwords: it lives only for the import.
connections=$(mktemp --suffix=.json)
trap 'rm -f "$connections"' EXIT
python /opt/asbhub/deploy/standin_partners.py /opt/asbhub/partner-keys "$connections"
airflow connections import --overwrite "$connections"
