#!/bin/bash
# One database and one role per owner, as ./nslab creates them locally; passwords come from the
# nslab-db secret (environment variables named after each database).
set -euo pipefail
for db in keycloak analytics content progress quiz simulation gateway; do
  password=${!db}
  psql -v ON_ERROR_STOP=1 -U postgres <<SQL
CREATE ROLE $db LOGIN PASSWORD '$password';
CREATE DATABASE $db OWNER $db;
REVOKE ALL ON DATABASE $db FROM PUBLIC;
SQL
done
