#!/usr/bin/env bash
# An init step of the official postgres image (/docker-entrypoint-initdb.d): it runs once, on an
# empty data directory, as the superuser. k8s/base mounts it from a ConfigMap, docker-compose.yml
# from this file. It creates the two roles the services use instead of the superuser:
#   loomflux_owner  owns the database and its schema; Flyway migrates as this role
#   loomflux_app    the request pools (HikariCP, r2dbc-pool): read and write rows, nothing else
#                   (no DDL, no TRUNCATE, no other database's objects)
# Local runs (./loomflux start, the tests, the comparison) keep connecting as postgres: the
# migrations themselves create no role and grant nothing, so they work the same either way.
# Passwords come from the environment (LOOMFLUX_OWNER_PASSWORD, LOOMFLUX_APP_PASSWORD); the role
# names can be changed with LOOMFLUX_OWNER_USER and LOOMFLUX_APP_USER.
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  --set db="$POSTGRES_DB" \
  --set owner="${LOOMFLUX_OWNER_USER:-loomflux_owner}" --set owner_password="${LOOMFLUX_OWNER_PASSWORD:-}" \
  --set app="${LOOMFLUX_APP_USER:-loomflux_app}" --set app_password="${LOOMFLUX_APP_PASSWORD:-}" <<'SQL'
CREATE ROLE :"owner" LOGIN PASSWORD :'owner_password';
CREATE ROLE :"app" LOGIN PASSWORD :'app_password';
ALTER DATABASE :"db" OWNER TO :"owner";
-- PostgreSQL 15+ gives the schema to pg_database_owner (now the owner role); older ones to postgres
ALTER SCHEMA public OWNER TO :"owner";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"app";
-- every table and sequence Flyway creates as the owner, now and in later migrations
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO :"app";
SQL
