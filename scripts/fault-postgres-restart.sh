#!/usr/bin/env bash
# Restarts PostgreSQL while a ClientDesk server runs imports, then prints what became of them and
# whether the server answered again without a restart of its own.
#
#   ./mvnw -DskipTests package                     # builds target/clientdesk.jar
#   scripts/fault-postgres-restart.sh [--cluster 15/main] [--pg-port 5432] [--port 8095] [--imports 8]
#
# Needs psql, curl, and pg_ctlcluster with the right to run it (root or the postgres user); the
# cluster must accept the user postgres without a password from 127.0.0.1. It creates the database
# clientdesk_fault and drops it at the end. Every other client of that cluster loses its connections
# too: point it at a cluster of its own (pg_createcluster 15 faults --port 5433) on a shared machine.
set -euo pipefail

cluster=15/main pg_port=5432 port=8095 imports=8 rows=5000
while [ $# -gt 0 ]; do
  case "$1" in
    --cluster) cluster=$2; shift 2 ;;
    --pg-port) pg_port=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --imports) imports=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

cd "$(dirname "$0")/.."
[ -f target/clientdesk.jar ] || { echo "target/clientdesk.jar is missing: ./mvnw -DskipTests package" >&2; exit 2; }
work=$(mktemp -d)
password=fault-$RANDOM$RANDOM
base=http://127.0.0.1:$port
psql_db() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -d clientdesk_fault -Atqc "$1"; }
now_ms() { date +%s%3N; }

dropdb -h 127.0.0.1 -p "$pg_port" -U postgres --if-exists clientdesk_fault
createdb -h 127.0.0.1 -p "$pg_port" -U postgres clientdesk_fault
CLIENTDESK_ADMIN_PASSWORD=$password java -Xmx384m -jar target/clientdesk.jar --server.port="$port" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:$pg_port/clientdesk_fault" \
  --spring.datasource.username=postgres >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; dropdb -h 127.0.0.1 -p "$pg_port" -U postgres --if-exists clientdesk_fault; rm -rf "$work"' EXIT
until curl -fs "$base/actuator/health" >/dev/null; do
  kill -0 $server 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.5
done

prefix=fault-$RANDOM
for i in $(seq 1 "$imports"); do
  { echo "firstName,lastName,email"; seq 1 "$rows" | sed "s/.*/Client &,Fault,$prefix-$i-&@example.com/"; } >"$work/batch-$i.csv"
  curl -fs -u "admin:$password" -F "file=@$work/batch-$i.csv" "$base/api/imports" >/dev/null
done
echo "queued $imports imports of $rows rows"
until [ "$(psql_db "select count(*) from imports where status = 'PROCESSING'")" -gt 0 ]; do sleep 0.05; done

start=$(now_ms)
pg_ctlcluster "${cluster%/*}" "${cluster#*/}" restart
restarted=$(now_ms)
until [ "$(curl -s -o /dev/null -w '%{http_code}' -u "admin:$password" "$base/api/clients?size=1")" = 200 ]; do sleep 0.1; done
answering=$(now_ms)
echo "PostgreSQL restart: $((restarted - start)) ms; the API answered again $((answering - restarted)) ms after it"

deadline=$(( $(date +%s) + 300 ))
until [ "$(psql_db "select count(*) from imports where status in ('QUEUED', 'PROCESSING')")" = 0 ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "imports still running after 5 minutes" >&2; exit 1; }
  sleep 0.5
done
ended=$(now_ms)
echo "every import ended $((ended - start)) ms after the restart began"
psql_db "select status, count(*) from imports group by status order by status" | sed 's/^/  imports /'
psql_db "select i.file_name || ': ' || e.message from imports i join import_errors e on e.import_id = i.id where i.status = 'FAILED'" | sed 's/^/  failed /'
clients=$(psql_db "select count(*) from clients where email like '$prefix-%'")
created=$(psql_db "select coalesce(sum(created_count), 0) from imports where status = 'SUCCEEDED'")
echo "clients written: $clients; created by the imports that succeeded: $created"
echo "attempts run again after a lost connection: $(grep -c 'lost its database connection' "$work/server.log" || true)"
echo "ERROR lines in the server's log: $(grep -c ' ERROR ' "$work/server.log" || true)"
grep -E '^[0-9-]+T.* (ERROR|WARN) |^[0-9-]+T.*ImportJob' "$work/server.log" | sed -E 's/^[^ ]+ +([A-Z]+) .* : /  \1 /' | cut -c1-160 | sort | uniq -c | sort -rn | head -n 20

jar=$work/cookies
csrf=$(curl -s -c "$jar" "$base/login" | sed -n 's/.*name="_csrf" *value="\([^"]*\)".*/\1/p' | head -n 1)
login=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$jar" -c "$jar" \
  --data-urlencode "username=admin" --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf" "$base/login")
echo "form login afterwards: $login"
[ "$clients" = "$created" ] || { echo "FAIL: half-written import" >&2; exit 1; }
