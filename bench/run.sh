#!/usr/bin/env bash
# Benchmarks Storekeeper on this machine and prints one table. It builds the jar (when a source is newer), starts
# the server on PostgreSQL (database "bench", recreated) or, with --h2, on H2 in a fresh temporary data directory,
# seeds a catalog through the API, drives load with wrk, measures webhook delivery with a local receiver
# (bench/Webhooks.java) and, on PostgreSQL, the orders page at 10k and 1M orders seeded with SQL
# (bench/seed-orders.sql) and the SQL statements one orders page makes.
# Needs wrk (Debian: apt-get install wrk; installed here when missing and run as root), jq, curl, bc, and psql with
# a PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth) for the PostgreSQL run.
#   bench/run.sh [--h2] [seconds per scenario, default 20]
# Environment: JAVA_OPTS (the server's JVM options), BENCH_ORDERS_LARGE (default 1000000), BENCH_AOT=0 (start the
# plain jar, without the AOT cache).
set -euo pipefail
cd "$(dirname "$0")/.."
DB=postgres
if [ "${1:-}" = "--h2" ]; then DB=h2; shift; fi
DURATION="${1:-20}"
LARGE="${BENCH_ORDERS_LARGE:-1000000}"
PORT=8090
API="http://127.0.0.1:$PORT"
if [ -z "${JAVA_HOME:-}" ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
JAVA="$JAVA_HOME/bin/java"
JAVA_OPTS="${JAVA_OPTS:--Xmx200m -Xss512k -XX:MaxMetaspaceSize=128m}"
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "wrk is missing: installing the Debian package" >&2
    apt-get install -y -q wrk >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
  else
    echo "bench needs wrk: sudo apt-get install wrk" >&2; exit 1
  fi
fi
for tool in wrk jq curl bc; do command -v "$tool" >/dev/null || { echo "bench needs $tool" >&2; exit 1; }; done
[ "$DB" = h2 ] || command -v psql >/dev/null || { echo "bench needs psql" >&2; exit 1; }
JAR=server/target/storekeeper.jar
if [ ! -f "$JAR" ] || [ -n "$(find pom.xml server/pom.xml server/src/main -newer "$JAR" -print -quit)" ]; then
  mvn -B -ntp -q -DskipTests package
fi
# Start-up from the extracted jar with a JDK 25 AOT cache (classes loaded and linked, and method profiles, from a
# training start on an empty H2 database), as the README describes; BENCH_AOT=0 runs the plain jar instead.
if [ "${BENCH_AOT:-1}" = 1 ]; then
  AOT_DIR=server/target/aot
  if [ ! -f "$AOT_DIR/storekeeper.aot" ] || [ "$JAR" -nt "$AOT_DIR/storekeeper.aot" ]; then
    rm -rf "$AOT_DIR"
    "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$AOT_DIR" > /dev/null
    TRAIN_DIR=$(mktemp -d)
    (unset DATABASE_URL; STOREKEEPER_DATA_DIR="$TRAIN_DIR" PORT=0 "$JAVA" -XX:AOTCacheOutput="$AOT_DIR/storekeeper.aot" \
      -Dspring.context.exit=onRefresh -jar "$AOT_DIR/storekeeper.jar" > "$TRAIN_DIR.log" 2>&1) \
      || { cat "$TRAIN_DIR.log" >&2; exit 1; }
    rm -rf "$TRAIN_DIR" "$TRAIN_DIR.log"
  fi
  JAR="$AOT_DIR/storekeeper.jar"
  JAVA_OPTS="$JAVA_OPTS -XX:AOTCache=$AOT_DIR/storekeeper.aot"
fi

PSQL=(psql -h 127.0.0.1 -U postgres -d bench -q -v ON_ERROR_STOP=1)
DATA_DIR=$(mktemp -d)
if [ "$DB" = postgres ]; then
  psql -h 127.0.0.1 -U postgres -d postgres -q -c 'drop database if exists bench' -c 'create database bench'
  export DATABASE_URL="postgres://postgres@127.0.0.1:5432/bench"
else
  unset DATABASE_URL
fi
export STOREKEEPER_DATA_DIR="$DATA_DIR" PORT WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true
# The rate limiter stays on, with a limit far above the offered load, so its cost is in every figure.
export RATE_LIMIT_PER_MINUTE=100000000 RATE_LIMIT_BURST=10000000
LOG=$(mktemp)
SERVER=
start_server() { # extra server arguments...
  local start; start=$(date +%s%N)
  # shellcheck disable=SC2086
  "$JAVA" $JAVA_OPTS -jar "$JAR" "$@" > "$LOG" 2>&1 &
  SERVER=$!
  until curl -sf -o /dev/null "$API/health"; do
    kill -0 "$SERVER" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
    sleep 0.02
  done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}
stop_server() { [ -z "$SERVER" ] || { kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true; SERVER=; }; }
trap 'stop_server; rm -rf "$DATA_DIR"' EXIT
start_server > "$LOG.start"
STARTUP_MS=$(cat "$LOG.start")

TOKEN=$("$JAVA" -jar "$JAR" token create --name bench --mode test 2>/dev/null | tail -1)
H=(-H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json")
PRODUCT=$(curl -s -X POST "$API/v1/products" "${H[@]}" -d '{"name":"Bench course"}' | jq -r .prefixId)
VARIANT=$(curl -s -X POST "$API/v1/price_variants" "${H[@]}" \
  -d "{\"productId\":\"$PRODUCT\",\"name\":\"Std\",\"amount\":1900,\"currency\":\"USD\"}" | jq -r .prefixId)
curl -s -o /dev/null -X PATCH "$API/v1/products/$PRODUCT" "${H[@]}" -d '{"status":"active"}'

# scenario, req/s, p50, p99, errors (wrk's socket errors and timeouts, and non-2xx answers)
run() { # name, connections, wrk args...
  local name=$1 connections=$2; shift 2
  local out; out=$(wrk -t2 -c"$connections" -d"${DURATION}s" --latency "$@")
  local rps p50 p99 errors non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/^errors:/ {print $3+$5+$7+$9+$11}' <<<"$out" | tr -d ',')
  non2xx=$(awk '/Non-2xx/ {print $4}' <<<"$out")
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$p50" "$p99" "$(( ${errors:-0} + ${non2xx:-0} ))"
}
orders() { # how many orders there are (on PostgreSQL from the database: the server may count SQL-seeded ones late)
  if [ "$DB" = postgres ]; then "${PSQL[@]}" -tAc 'select count(*) from orders'
  else curl -s "$API/v1/orders?limit=1" "${H[@]}" | jq -r .pagination.count; fi
}
orders_page() { # label
  local count; count=$(orders)
  # one request first: the first count of a million orders is read while that request waits
  curl -s -o /dev/null -m 30 "$API/v1/orders?limit=100&expand=line_items,customer" "${H[@]}"
  run "GET /v1/orders?limit=100&expand=line_items,customer ($(printf "%'d" "$count") orders)" 16 -s bench/auth.lua \
    "$API/v1/orders?limit=100&expand=line_items,customer" -- "$TOKEN"
}
seed_orders() { # up to this many orders in all
  local have; have=$(orders)
  [ "$have" -lt "$1" ] || return 0
  local from; from=$(( $("${PSQL[@]}" -tAc "select coalesce(max(-checkout_id), 0) from orders where checkout_id < 0") + 1 ))
  "${PSQL[@]}" -v account="$ACCOUNT_ID" -v product="$PRODUCT_ID" -v variant="$VARIANT_ID" -v from="$from" \
    -v to="$(( from + $1 - have - 1 ))" -f bench/seed-orders.sql
  sleep 2 # orders written behind the server's back show in its counts after CACHE_TTL (1 s)
}

RESULTS=$(mktemp)
run "GET /health" 32 -s bench/auth.lua "$API/health" -- "$TOKEN" >> "$RESULTS"
run "GET /v1/products/{id}" 32 -s bench/auth.lua "$API/v1/products/$PRODUCT" -- "$TOKEN" >> "$RESULTS"
ORDERS_BEFORE=$(orders)
CHECKOUT_START=$(date +%s%N)
run "checkout create + confirm (requests)" 16 -s bench/checkout.lua "$API" -- "$TOKEN" "$VARIANT" "$(date +%s)" >> "$RESULTS"
CHECKOUT_MS=$(( ($(date +%s%N) - CHECKOUT_START) / 1000000 ))
COMPLETED=$(( $(orders) - ORDERS_BEFORE ))
printf 'checkout completions (orders/s)\t%s\t-\t-\t-\n' "$(echo "scale=2; $COMPLETED * 1000 / $CHECKOUT_MS" | bc)" \
  >> "$RESULTS"
RSS_KB=$(awk '/VmHWM/ {print $2}' "/proc/$SERVER/status")
if [ "$DB" = postgres ]; then
  read -r ACCOUNT_ID PRODUCT_ID VARIANT_ID < <("${PSQL[@]}" -tA -F ' ' -c \
    "select v.account_id, v.product_id, v.id from price_variants v where v.prefix_id = '$VARIANT'")
fi
BENCH_ACCOUNT_ID="${ACCOUNT_ID:-}" "$JAVA" bench/Webhooks.java "$API" "$TOKEN" "$(( DURATION * 250 ))" \
  >> "$RESULTS" 2> "$LOG.webhooks" || { cat "$LOG.webhooks" >&2; exit 1; }
if [ "$DB" = postgres ]; then
  # no lost events: every event of the run reached the outbox's fan-out
  UNFANNED=$("${PSQL[@]}" -tAc 'select count(*) from events where not fanned_out')
  PAID_EVENTS=$("${PSQL[@]}" -tAc "select count(*) from events where type = 'order.paid'")
  CHECKOUT_ORDERS=$("${PSQL[@]}" -tAc 'select count(*) from orders where checkout_id > 0')
  seed_orders 10000
  orders_page >> "$RESULTS"
  seed_orders "$LARGE"
  orders_page >> "$RESULTS"
else
  orders_page >> "$RESULTS"
fi
RSS_KB=$(( $(awk '/VmHWM/ {print $2}' "/proc/$SERVER/status") > RSS_KB ? $(awk '/VmHWM/ {print $2}' "/proc/$SERVER/status") : RSS_KB ))

# The SQL statements of one orders page: restart with JdbcTemplate's debug log and count one request's statements.
stop_server
start_server --logging.level.org.springframework.jdbc.core.JdbcTemplate=debug > "$LOG.start"
RESTART_MS=$(cat "$LOG.start")
for id in bench-sql-warm bench-sql-count; do
  curl -s -o /dev/null -H "X-Request-Id: $id" "$API/v1/orders?limit=100&expand=line_items,customer" "${H[@]}"
done
STATEMENTS=$(grep -F '[bench-sql-count]' "$LOG" | grep -c 'Executing prepared SQL statement' || true)
stop_server

HEALTH=$(awk -F'\t' 'NR==1 {print $2}' "$RESULTS")
echo
echo "Storekeeper $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- server || echo '+changes') on $(nproc) cores," \
  "$(free -g | awk '/Mem/ {print $2}') GiB; $([ "$DB" = h2 ] && echo H2 || echo PostgreSQL); ${DURATION}s per scenario;" \
  "JAVA_OPTS=$JAVA_OPTS"
echo
echo "| scenario | req/s | p50 | p99 | errors | vs /health |"
echo "|---|---:|---:|---:|---:|---:|"
while IFS=$'\t' read -r name rps p50 p99 errors; do
  ratio=-
  case "$name" in GET*|checkout*requests*) ratio=$(printf '%.2f' "$(echo "$rps / $HEALTH" | bc -l)");; esac
  printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99" "$errors" "$ratio"
done < "$RESULTS"
echo
echo "orders completed: $COMPLETED in $((CHECKOUT_MS / 1000)) s; $(tail -1 "$LOG.webhooks")"
[ "$DB" = h2 ] || echo "lost events: $CHECKOUT_ORDERS orders placed by checkout, $PAID_EVENTS order.paid events;" \
  "$UNFANNED events not fanned out after the webhook run"
echo "SQL statements of one orders page (limit=100, expand=line_items,customer): $STATEMENTS"
echo "start to first answer: ${STARTUP_MS} ms (empty database), ${RESTART_MS} ms (restart); peak RSS: $((RSS_KB / 1024)) MB"
