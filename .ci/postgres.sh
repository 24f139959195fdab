# Sourced by .ci/run: a PostgreSQL server for the diary's PostgreSQL tests.
# Only as root with apt (CI's Debian 12 image): installs postgresql if missing, starts the
# cluster, creates role and database `runstrong`, and exports RUNSTRONG_PG_URL.
# Elsewhere it does nothing and those tests skip.
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "== postgres: not root with apt; PostgreSQL tests will skip"
  return 0 2>/dev/null || exit 0
fi
echo "== postgres"
export DEBIAN_FRONTEND=noninteractive
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi
PG_VERSION=$(ls /usr/lib/postgresql | sort -n | tail -1)
if [ ! -d "/etc/postgresql/$PG_VERSION/main" ]; then
  pg_createcluster "$PG_VERSION" main >/dev/null
fi
pg_ctlcluster "$PG_VERSION" main start 2>/dev/null || pg_ctlcluster "$PG_VERSION" main status >/dev/null
pg_isready -h 127.0.0.1 -t 30
[ "$(runuser -u postgres -- psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname = 'runstrong'")" = 1 ] \
  || runuser -u postgres -- psql -qc "CREATE ROLE runstrong LOGIN CREATEDB PASSWORD 'runstrong'"
[ "$(runuser -u postgres -- psql -qtAc "SELECT 1 FROM pg_database WHERE datname = 'runstrong'")" = 1 ] \
  || runuser -u postgres -- createdb -O runstrong runstrong
export RUNSTRONG_PG_URL="postgresql+psycopg://runstrong:runstrong@127.0.0.1:5432/runstrong"
