# Sourced by ./loomflux: find JDK 25 and make sure PostgreSQL and Redis answer on localhost,
# starting them if installed and installing them from Debian packages if absent; install the
# Prometheus binary that the observability check runs and the Chromium that the report checks
# and ./loomflux publish use.

PG_HOST=${LOOMFLUX_TEST_PG_HOST:-127.0.0.1}
PG_PORT=${LOOMFLUX_TEST_PG_PORT:-5432}
REDIS_HOST=${LOOMFLUX_TEST_REDIS_HOST:-127.0.0.1}
REDIS_PORT=${LOOMFLUX_TEST_REDIS_PORT:-6379}

say() { echo "loomflux: $*" >&2; }

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

use_jdk_25() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25* /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate")" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME=$candidate PATH="$candidate/bin:$PATH"
      return
    fi
  done
  if can_install && apt-cache show openjdk-25-jdk-headless >/dev/null 2>&1; then
    say "installing openjdk-25-jdk-headless"
    apt_install openjdk-25-jdk-headless && use_jdk_25 && return
  fi
  say "JDK 25 not found: install one (e.g. Temurin 25) and set JAVA_HOME"
  exit 1
}

reachable() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

can_install() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; }

apt_install() {
  [ -n "${apt_updated:-}" ] || { apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

await() {
  local i
  for i in $(seq 1 30); do reachable "$1" "$2" && return 0; sleep 1; done
  say "$3 did not come up on $1:$2"; exit 1
}

ensure_postgres_and_redis() {
  if [ "${LOOMFLUX_TEST_INFRA:-}" = containers ]; then return; fi
  reachable "$PG_HOST" "$PG_PORT" || start_postgres
  reachable "$REDIS_HOST" "$REDIS_PORT" || start_redis
}

start_postgres() {
  if ! command -v pg_ctlcluster >/dev/null; then
    can_install || { say "PostgreSQL is not reachable on $PG_HOST:$PG_PORT and cannot be installed here"; exit 1; }
    say "installing PostgreSQL"
    apt_install postgresql
    trust_loopback_connections
  fi
  local version
  version=$(ls /etc/postgresql | sort -n | tail -n 1)
  say "starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  await "$PG_HOST" "$PG_PORT" PostgreSQL
}

# A PostgreSQL we installed ourselves is a throwaway test server: let loopback clients in as
# postgres without a password, as on the project's CI machines. Never done to an existing install.
trust_loopback_connections() {
  local hba
  hba=$(ls /etc/postgresql/*/main/pg_hba.conf | tail -n 1)
  sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' "$hba"
}

start_redis() {
  if ! command -v redis-server >/dev/null; then
    can_install || { say "Redis is not reachable on $REDIS_HOST:$REDIS_PORT and cannot be installed here"; exit 1; }
    say "installing Redis"
    apt_install redis-server
  fi
  say "starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/loomflux.log
  await "$REDIS_HOST" "$REDIS_PORT" Redis
}

# The observability check (contract-tests' DashboardQueriesTest) runs a real Prometheus binary
# with its own configuration and storage; the Debian service is never started. The same package
# brings promtool, with which deployment-check's AlertRulesTest checks and unit-tests the alert
# rules. Without them (and without root to install them) those checks are skipped, saying why.
ensure_prometheus() {
  command -v prometheus >/dev/null && return
  [ -n "${PROMETHEUS_BIN:-}" ] && return
  if can_install && apt-cache show prometheus >/dev/null 2>&1; then
    say "installing Prometheus (the binary only is used; its service is not started)"
    apt_install prometheus
    stop_prometheus_service
  else
    say "no prometheus binary: the dashboard check will be skipped"
  fi
}

# Debian's postinst starts the service where an init system lets it; the check needs none of it.
stop_prometheus_service() {
  if command -v systemctl >/dev/null && systemctl is-active --quiet prometheus 2>/dev/null; then
    systemctl disable --now prometheus >/dev/null 2>&1 || true
  fi
}

# The OpenAPI lint (deployment-check's OpenApiLintTest) runs Spectral from npm, at the versions
# pinned in package.json and package-lock.json.
ensure_node() {
  command -v npm >/dev/null && return
  if can_install && apt-cache show npm >/dev/null 2>&1; then
    say "installing Node.js and npm (for the OpenAPI lint)"
    apt_install nodejs npm
  else
    say "no npm: the OpenAPI lint will be skipped"
  fi
}

# The comparison uses PostgreSQL and Redis from the environment (PGHOST/PGPORT, REDIS_HOST/REDIS_PORT)
# when they answer; otherwise docker compose's, when a Docker engine is there; otherwise local ones,
# started or installed from Debian packages as for the tests.
ensure_postgres_and_redis_for_compare() {
  PG_HOST=${PGHOST:-$PG_HOST} PG_PORT=${PGPORT:-$PG_PORT}
  REDIS_HOST=${REDIS_HOST:-127.0.0.1} REDIS_PORT=${REDIS_PORT:-6379}
  if reachable "$PG_HOST" "$PG_PORT" && reachable "$REDIS_HOST" "$REDIS_PORT"; then return; fi
  if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
    say "starting PostgreSQL and Redis with docker compose"
    export PGPASSWORD=${PGPASSWORD:-loomflux-demo}
    docker compose up -d --wait postgres redis
    return
  fi
  if can_install || command -v pg_ctlcluster >/dev/null; then
    ensure_postgres_and_redis
    return
  fi
  say "PostgreSQL ($PG_HOST:$PG_PORT) or Redis ($REDIS_HOST:$REDIS_PORT) is not reachable, there is no Docker"
  say "engine to start them, and no root to install them: start both (or set PGHOST/PGPORT/REDIS_HOST/REDIS_PORT)"
  exit 1
}

# The report checks (comparison's ReportPageBrowserTest, ChartImagesTest) open report.html in headless
# Chromium, and ./loomflux publish renders its charts with it. Without the binary (and without root to
# install it) the checks are skipped, saying why, and publish refuses.
ensure_chromium() {
  if command -v chromium >/dev/null || command -v chromium-browser >/dev/null; then return; fi
  [ -n "${CHROMIUM_BIN:-}" ] && return
  if can_install && apt-cache show chromium >/dev/null 2>&1; then
    say "installing Chromium (headless only, for the report checks and charts)"
    apt_install chromium
  else
    say "no chromium binary: the report's browser checks will be skipped and publish cannot render charts"
  fi
}
