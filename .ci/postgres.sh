# Start the machine's PostgreSQL cluster (no systemd here) and create the test role and database.
start_postgres() {
  local version
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  PGPORT=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
  if [ -z "$PGPORT" ]; then
    pg_createcluster "$version" main >/dev/null
    PGPORT=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
  fi
  pg_ctlcluster "$version" main status >/dev/null 2>&1 || pg_ctlcluster "$version" main start
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p "$PGPORT" && break
    sleep 1
  done
  su postgres -c "psql -q -v ON_ERROR_STOP=1 -p $PGPORT" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'relieve') THEN
    CREATE ROLE relieve LOGIN PASSWORD 'relieve';
  END IF;
END \$\$;
SELECT 'CREATE DATABASE relieve_test OWNER relieve' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'relieve_test')\gexec
SQL
  export PGPORT
}
