# Sourced by .ci/run (after npm ci: the probe uses the project's `pg`). The PostgreSQL tests need a server on
# 127.0.0.1:5432 that lets the user postgres in without a password; these machines start one before each
# session and CI run. Where none answers, ci_postgres_up installs Debian's postgresql if it is missing and
# starts a throwaway cluster in a temp folder, and ci_postgres_down stops it and removes the folder.
# They print to stderr only, so that .ci/run's last line stays "N passed, N failed".
# TALLY_CI_PG_PORT picks another port (to try this script beside a running server).

CI_PG_PORT="${TALLY_CI_PG_PORT:-5432}"
# The throwaway cluster's folder, once ci_postgres_up has started one.
CI_PG_DIR=""

ci_pg_log() { echo "postgres: $*" >&2; }

# True when a server on 127.0.0.1:$CI_PG_PORT lets postgres in and answers a query.
ci_pg_answers() {
  node -e '
    const pg = require("pg");
    const client = new pg.Client({
      host: "127.0.0.1", port: Number(process.argv[1]), user: "postgres", database: "postgres",
      connectionTimeoutMillis: 3000,
    });
    client.connect().then(() => client.query("SELECT 1")).then(
      () => client.end().then(() => process.exit(0)),
      () => process.exit(1),
    );
  ' "$CI_PG_PORT" 2>/dev/null
}

# The newest installed server's bin folder (Debian's layout), or nothing.
ci_pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; fi
}

# Runs a command as the cluster's owner: the postgres user when we are root (initdb refuses root), else us.
ci_pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ci_pg_install() {
  if [ "$(id -u)" -ne 0 ]; then
    ci_pg_log "postgresql is not installed, and only root can install it"
    return 1
  fi
  # The package would create and start a "main" cluster on 5432 that asks for passwords, in the port's way.
  # Saying so before the install stops that; UCF_FORCE_CONFFOLD keeps this file when the package sets up its own.
  if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
    mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.conf
  fi
  ci_pg_log "installing Debian's postgresql"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
    DEBIAN_FRONTEND=noninteractive UCF_FORCE_CONFFOLD=1 apt-get install -y -qq --no-install-recommends \
      postgresql >&2
}

ci_postgres_up() {
  if ci_pg_answers; then
    ci_pg_log "a server answers on 127.0.0.1:$CI_PG_PORT: using it"
    return 0
  fi
  local bindir
  bindir=$(ci_pg_bindir)
  if [ -z "$bindir" ]; then
    ci_pg_install || return 1
    bindir=$(ci_pg_bindir)
    [ -n "$bindir" ] || { ci_pg_log "installed postgresql, but found no initdb under /usr/lib/postgresql"; return 1; }
  fi
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    ci_pg_log "there is no postgres user to run the cluster as"
    return 1
  fi
  CI_PG_DIR=$(mktemp -d /tmp/tally-ci-pg.XXXXXX) || return 1
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$CI_PG_DIR"; fi
  ci_pg_log "starting a throwaway cluster in $CI_PG_DIR on 127.0.0.1:$CI_PG_PORT"
  # Trust auth on 127.0.0.1 only; fsync off, since the cluster is thrown away after the run.
  if ! ci_pg_as_owner "$bindir/initdb" -D "$CI_PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C \
    >"$CI_PG_DIR/initdb.log" 2>&1; then
    ci_pg_log "initdb failed:"; tail -n 20 "$CI_PG_DIR/initdb.log" >&2
    return 1
  fi
  if ! ci_pg_as_owner "$bindir/pg_ctl" -D "$CI_PG_DIR/data" -l "$CI_PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$CI_PG_PORT -c unix_socket_directories=$CI_PG_DIR -c fsync=off" \
    start >/dev/null 2>&1; then
    ci_pg_log "the cluster did not start:"; tail -n 20 "$CI_PG_DIR/server.log" >&2
    return 1
  fi
  if ! ci_pg_answers; then
    ci_pg_log "the cluster started but does not answer on 127.0.0.1:$CI_PG_PORT"
    return 1
  fi
}

# Stops and removes the cluster ci_postgres_up started, if any; a server it found running is left alone.
ci_postgres_down() {
  [ -n "$CI_PG_DIR" ] || return 0
  local bindir
  bindir=$(ci_pg_bindir)
  if [ -f "$CI_PG_DIR/data/postmaster.pid" ] && [ -n "$bindir" ]; then
    ci_pg_as_owner "$bindir/pg_ctl" -D "$CI_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 ||
      ci_pg_log "could not stop the throwaway cluster in $CI_PG_DIR"
  fi
  rm -rf "$CI_PG_DIR"
  CI_PG_DIR=""
}
