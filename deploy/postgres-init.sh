#!/bin/sh
# First start of the stack's PostgreSQL: the hub's store gets its own role and database,
# apart from Airflow's metadata.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v hub_password="$HUB_DB_PASSWORD" <<'SQL'
CREATE ROLE asbhub LOGIN PASSWORD :'hub_password';
CREATE DATABASE asbhub OWNER asbhub;
SQL
