#!/usr/bin/env bash
# Benchmarks Storekeeper on this machine: builds the jar, starts it on PostgreSQL (database "bench", recreated),
# seeds a catalog through the API, drives load with wrk and prints one table. Needs wrk (apt-get install wrk),
# jq, psql and a PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth).
#   bench/run.sh [seconds per scenario, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-20}"
PORT=8090
API="http://127.0.0.1:$PORT"
if [ -z "${JAVA_HOME:-}" ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
for tool in wrk jq psql; do command -v "$tool" >/dev/null || { echo "bench needs $tool" >&2; exit 1; }; done
[ -f server/target/storekeeper.jar ] || mvn -B -q -DskipTests package

psql -h 127.0.0.1 -U postgres -d test -q -c 'drop database if exists bench' -c 'create database bench'
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/bench" PORT
# The rate limiter stays on, with a limit far above the offered load, so its cost is in every figure.
export RATE_LIMIT_PER_MINUTE=100000000 RATE_LIMIT_BURST=10000000
LOG=$(mktemp)
START=$(date +%s%N)
"$JAVA_HOME/bin/java" -Xmx512m -jar server/target/storekeeper.jar > "$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "$API/health"; do sleep 0.05; done
STARTUP_MS=$(( ($(date +%s%N) - START) / 1000000 ))

TOKEN=$("$JAVA_HOME/bin/java" -jar server/target/storekeeper.jar token create --name bench --mode test | tail -1)
H=(-H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json")
PRODUCT=$(curl -s -X POST "$API/v1/products" "${H[@]}" -d '{"name":"Bench course"}' | jq -r .prefixId)
VARIANT=$(curl -s -X POST "$API/v1/price_variants" "${H[@]}" \
  -d "{\"productId\":\"$PRODUCT\",\"name\":\"Std\",\"amount\":1900,\"currency\":\"USD\"}" | jq -r .prefixId)
curl -s -o /dev/null -X PATCH "$API/v1/products/$PRODUCT" "${H[@]}" -d '{"status":"active"}'

run() { # name, connections, wrk args...
  local name=$1 connections=$2; shift 2
  local out; out=$(wrk -t2 -c"$connections" -d"${DURATION}s" --latency "$@")
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/^errors:/ {print $3+$5+$7+$9+$11}' <<<"$out" | tr -d ',')
  non2xx=$(awk '/Non-2xx/ {print $4}' <<<"$out")
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$p50" "$p99" "$(( ${errors:-0} + ${non2xx:-0} ))"
}

RESULTS=$(mktemp)
run "GET /health" 32 -s bench/auth.lua "$API/health" -- "$TOKEN" >> "$RESULTS"
run "GET /v1/products/{id}" 32 -s bench/auth.lua "$API/v1/products/$PRODUCT" -- "$TOKEN" >> "$RESULTS"
ORDERS_BEFORE=$(psql -h 127.0.0.1 -U postgres -d bench -tAc 'select count(*) from orders')
CHECKOUT_START=$(date +%s%N)
run "checkout create + confirm (requests)" 16 -s bench/checkout.lua "$API" -- "$TOKEN" "$VARIANT" >> "$RESULTS"
CHECKOUT_SECONDS=$(( ($(date +%s%N) - CHECKOUT_START) / 1000000 ))
ORDERS=$(psql -h 127.0.0.1 -U postgres -d bench -tAc 'select count(*) from orders')
run "GET /v1/orders?limit=100&expand=line_items,customer ($ORDERS orders)" 16 -s bench/auth.lua \
  "$API/v1/orders?limit=100&expand=line_items,customer" -- "$TOKEN" >> "$RESULTS"
RSS_KB=$(awk '/VmHWM/ {print $2}' /proc/$SERVER/status)

HEALTH=$(awk -F'\t' 'NR==1 {print $2}' "$RESULTS")
echo
echo "Storekeeper $(git rev-parse --short HEAD) on $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; PostgreSQL; ${DURATION}s per scenario"
printf '%-62s %10s %9s %9s %7s %8s\n' scenario req/s p50 p99 errors vs-health
while IFS=$'\t' read -r name rps p50 p99 errors; do
  printf '%-62s %10s %9s %9s %7s %8.2f\n' "$name" "$rps" "$p50" "$p99" "$errors" "$(echo "$rps / $HEALTH" | bc -l)"
done < "$RESULTS"
echo "orders completed: $((ORDERS - ORDERS_BEFORE)) in $((CHECKOUT_SECONDS / 1000)) s = $(echo "($ORDERS - $ORDERS_BEFORE) * 1000 / $CHECKOUT_SECONDS" | bc) orders/s"
echo "start to first answer: ${STARTUP_MS} ms; peak RSS: $((RSS_KB / 1024)) MB"
