#!/usr/bin/env bash
# Benchmarks Storekeeper on this machine and prints one report (about 8 minutes on PostgreSQL, 5 on H2; --quick
# about 3). It builds the jar and the ceiling app (bench/ceiling, a bare Spring MVC app answering a constant
# product-sized JSON object) when a source is newer, makes the JDK AOT cache as bin/start does (trained on real
# requests), starts the server on PostgreSQL (database "bench", recreated) or, with --h2, on H2 in a fresh temporary
# data directory, seeds a catalog through the API, and measures with wrk:
#   1. start to first answer (empty database, then a restart), and the first 10 s of product reads after the
#      restart, in 2-second windows (req/s and p99 of each), then after another restart as one 10 s run;
#   2. steady state: Storekeeper's GET /v1/products/{id} and the ceiling app's, both warmed first, run alternately
#      at 64 and at 16 connections; the ratio of their req/s; and the ceiling app's own first 10 s after its start;
#   3. checkout completions (create + confirm with the sandbox card), orders/s: the first WARM seconds of checkouts
#      on a node that has served only reads, then the steady state;
#   4. webhook deliveries to 8 local receivers (bench/Webhooks.java);
#   5. the orders page at 10k and 1M orders (PostgreSQL: seeded with bench/seed-orders.sql);
#   6. after a restart with JdbcTemplate's debug log: the SQL statements of one orders page, one checkout create and
#      one checkout completion (the confirm);
# and the peak RSS of the server under load.
# Needs wrk (Debian: apt-get install wrk; installed here when missing and run as root), jq, curl, bc, Maven, and
# psql with a PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth) for the PostgreSQL run.
#   bench/run.sh [--h2] [--quick] [seconds per measured run, default 15 (--quick: 5)]
# Environment: JAVA_OPTS (the JVM options of both apps), BENCH_WARM (seconds of load to warm each app before the
# steady state, default 30, --quick 10), BENCH_ORDERS_LARGE (default 1000000, --quick 100000), BENCH_AOT=0 (start
# the plain jar, without the AOT cache), BENCH_TRAINING (seconds of the AOT cache's training requests, default 20).
set -euo pipefail
cd "$(dirname "$0")/.."
DB=postgres
QUICK=0
while [ $# -gt 0 ]; do
  case "$1" in
    --h2) DB=h2; shift;;
    --quick) QUICK=1; shift;;
    *) break;;
  esac
done
if [ "$QUICK" = 1 ]; then
  DURATION="${1:-5}"; WARM="${BENCH_WARM:-10}"; LARGE="${BENCH_ORDERS_LARGE:-100000}"
else
  DURATION="${1:-15}"; WARM="${BENCH_WARM:-30}"; LARGE="${BENCH_ORDERS_LARGE:-1000000}"
fi
PORT=8090
CEILING_PORT=8091
API="http://127.0.0.1:$PORT"
if [ -z "${JAVA_HOME:-}" ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
JAVA="$JAVA_HOME/bin/java"
# the settings of a small node (README "Configuration"); ParallelGC: see bench/RESULTS.md, 2026-11-30
JAVA_OPTS="${JAVA_OPTS:--Xmx160m -Xss512k -XX:MaxMetaspaceSize=128m -XX:+UseParallelGC}"
# native memory freed by the JIT returned to the system once a second, as bin/start does on JDK 22+
. bin/lib/jdk.sh
if [ "$(jdk_feature "$JAVA_HOME")" -ge 22 ] 2>/dev/null; then
  case " $JAVA_OPTS " in *"TrimNativeHeapInterval"*) ;; *) JAVA_OPTS="$JAVA_OPTS -XX:TrimNativeHeapInterval=1000";; esac
fi
# the JIT's compiler threads ahead of the requests when the bench may raise their priority, as bin/start does
# shellcheck disable=SC2086
JAVA_OPTS="$JAVA_OPTS $(compiler_priority_opts $JAVA_OPTS)"
JAVA_OPTS="${JAVA_OPTS% }"
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "wrk is missing: installing the Debian package" >&2
    apt-get install -y -q wrk >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
  else
    echo "bench needs wrk: sudo apt-get install wrk" >&2; exit 1
  fi
fi
for tool in wrk jq curl bc mvn; do command -v "$tool" >/dev/null || { echo "bench needs $tool" >&2; exit 1; }; done
[ "$DB" = h2 ] || command -v psql >/dev/null || { echo "bench needs psql" >&2; exit 1; }
say() { echo "[$(date +%H:%M:%S)] $*" >&2; }
BEGAN=$(date +%s)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

JAR=server/target/storekeeper.jar
if [ ! -f "$JAR" ] || [ -n "$(find pom.xml server/pom.xml server/src/main -newer "$JAR" -print -quit)" ]; then
  say "building $JAR"
  mvn -B -ntp -q -Dmaven.test.skip=true package >&2 # its output (Spring AOT logs) is not part of the report
fi
CEILING=bench/ceiling/target/ceiling.jar
if [ ! -f "$CEILING" ] || [ -n "$(find bench/ceiling/pom.xml bench/ceiling/src -newer "$CEILING" -print -quit)" ]; then
  say "building $CEILING"
  mvn -B -ntp -q -f bench/ceiling/pom.xml package >&2
fi
# shellcheck disable=SC2086
if [ "${BENCH_AOT:-1}" = 1 ]; then
  AOT_DIR=server/target/bench-aot
  if [ ! -f "$AOT_DIR/storekeeper.aot" ] || [ "$JAR" -nt "$AOT_DIR/storekeeper.aot" ]; then
    say "making the AOT cache (training run of ${BENCH_TRAINING:-20} s)"
    . bin/lib/aot.sh
    make_aot_cache "$JAVA" "$JAR" "$AOT_DIR" "$AOT_DIR/storekeeper.aot" "${BENCH_TRAINING:-20}" $JAVA_OPTS \
      || { echo "making the AOT cache failed" >&2; exit 1; }
  fi
  JAR="$AOT_DIR/storekeeper.jar"
  SERVER_OPTS="$JAVA_OPTS -XX:AOTCache=$AOT_DIR/storekeeper.aot"
else
  SERVER_OPTS="$JAVA_OPTS"
fi

PSQL=(psql -h 127.0.0.1 -U postgres -d bench -q -v ON_ERROR_STOP=1)
DATA_DIR=$(mktemp -d)
if [ "$DB" = postgres ]; then
  psql -h 127.0.0.1 -U postgres -d postgres -q -c 'drop database if exists bench' -c 'create database bench'
  export DATABASE_URL="postgres://postgres@127.0.0.1:5432/bench"
  AUTOVACUUM=$("${PSQL[@]}" -tAc 'show autovacuum')
else
  unset DATABASE_URL
fi
ANALYZER=
if [ "${AUTOVACUUM:-on}" = off ]; then
  # This machine's PostgreSQL runs without autovacuum, so nothing would keep the planner's statistics and tables
  # that grow from empty during the run would be planned as if nearly empty (see PlannerStatistics). A production
  # PostgreSQL runs autovacuum: the bench does what its analyze does, every 10 s, for each table changed by more
  # than 50 rows + 10 % since its last analyze (autovacuum's default thresholds).
  (
    while sleep 10; do
      "${PSQL[@]}" -c "do \$\$ declare t record; begin
        for t in select relname from pg_stat_user_tables
                 where n_mod_since_analyze > 50 + 0.1 * greatest(n_live_tup, 0) loop
          execute format('analyze %I', t.relname);
        end loop; end \$\$" > /dev/null 2>&1 || true
    done
  ) &
  ANALYZER=$!
fi
export STOREKEEPER_DATA_DIR="$DATA_DIR" PORT WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true
# as bin/start does
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# The rate limiter stays on, with a limit far above the offered load, so its cost is in every figure.
export RATE_LIMIT_PER_MINUTE=100000000 RATE_LIMIT_BURST=10000000
LOG=$(mktemp)
SERVER=
CEILING_PID=
RSS_KB=0
start_server() { # extra server arguments...; prints the milliseconds to the first answer
  local start; start=$(date +%s%N)
  # shellcheck disable=SC2086
  "$JAVA" $SERVER_OPTS -jar "$JAR" "$@" > "$LOG" 2>&1 &
  SERVER=$!
  until curl -sf -o /dev/null "$API/health"; do
    kill -0 "$SERVER" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
    sleep 0.02
  done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}
peak_rss() { # keeps the highest VmHWM of the server seen so far
  local kb; kb=$(awk '/VmHWM/ {print $2}' "/proc/$SERVER/status" 2>/dev/null || echo 0)
  if [ "${kb:-0}" -gt "$RSS_KB" ]; then RSS_KB=$kb; fi
}
stop_server() { [ -z "$SERVER" ] || { peak_rss; kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true; SERVER=; }; }
stop_ceiling() { [ -z "$CEILING_PID" ] || { kill "$CEILING_PID" 2>/dev/null; wait "$CEILING_PID" 2>/dev/null || true; CEILING_PID=; }; }
trap 'stop_server; stop_ceiling; [ -z "$ANALYZER" ] || kill "$ANALYZER" 2>/dev/null; rm -rf "$DATA_DIR"' EXIT

say "starting Storekeeper ($DB, empty database)"
start_server > "$LOG.start"
STARTUP_MS=$(cat "$LOG.start")
TOKEN=$("$JAVA" -jar "$JAR" token create --name bench --mode test 2>/dev/null | tail -1)
H=(-H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json")
PRODUCT=$(curl -s -X POST "$API/v1/products" "${H[@]}" -d '{"name":"Bench course","description":"A course to measure with"}' \
  | jq -r .prefixId)
VARIANT=$(curl -s -X POST "$API/v1/price_variants" "${H[@]}" \
  -d "{\"productId\":\"$PRODUCT\",\"name\":\"Std\",\"amount\":1900,\"currency\":\"USD\"}" | jq -r .prefixId)
curl -s -o /dev/null -X PATCH "$API/v1/products/$PRODUCT" "${H[@]}" -d '{"status":"active"}'
PRODUCT_BYTES=$(curl -s "$API/v1/products/$PRODUCT" "${H[@]}" | wc -c)
CEILING_BYTES=

# scenario, req/s, p50, p99, errors (wrk's socket errors and timeouts, and non-2xx answers)
run() { # name, connections, seconds, wrk args...
  local name=$1 connections=$2 seconds=$3; shift 3
  local out; out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@")
  local rps p50 p99 errors non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/^errors:/ {print $3+$5+$7+$9+$11}' <<<"$out" | tr -d ',')
  non2xx=$(awk '/Non-2xx/ {print $4}' <<<"$out")
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$p50" "$p99" "$(( ${errors:-0} + ${non2xx:-0} ))"
}
PRODUCT_URL="$API/v1/products/$PRODUCT"
CEILING_URL="http://127.0.0.1:$CEILING_PORT/v1/products/$PRODUCT"
product_read() { run "$1" "$2" "$3" -s bench/auth.lua "$PRODUCT_URL" -- "$TOKEN"; }
ceiling_read() { run "$1" "$2" "$3" -s bench/auth.lua "$CEILING_URL" -- "$TOKEN"; }

# 1. a restart, and its first seconds under load
stop_server
say "restarting; the first 10 s of product reads at 64 connections"
start_server > "$LOG.start"
RESTART_MS=$(cat "$LOG.start")
FIRST=$(mktemp)
for window in 1 2 3 4 5; do
  product_read "GET /v1/products/{id}, $(( window * 2 - 2 ))-$(( window * 2 )) s after the first answer" 64 2 >> "$FIRST"
done
peak_rss
# and again, the first 10 s as one run: its req/s and the p99 of all its requests (as issue 18's baseline measured them)
stop_server
say "restarting; the first 10 s of product reads as one run"
start_server > /dev/null
FIRST_RUN=$(product_read "GET /v1/products/{id}, the first 10 s after the first answer as one run" 64 10)
peak_rss

# 2. steady state beside the ceiling
say "starting the ceiling app; warming both ($WARM s each)"
# shellcheck disable=SC2086
PORT=$CEILING_PORT "$JAVA" $JAVA_OPTS -jar "$CEILING" > "$LOG.ceiling" 2>&1 &
CEILING_PID=$!
until curl -sf -o /dev/null "$CEILING_URL"; do
  kill -0 "$CEILING_PID" 2>/dev/null || { cat "$LOG.ceiling" >&2; exit 1; }
  sleep 0.05
done
CEILING_BYTES=$(curl -s "$CEILING_URL" | wc -c)
# the bare app's own first 10 s after its start, measured as Storekeeper's: how long Spring MVC and Tomcat take to
# be compiled on this machine, without any of Storekeeper's code
CEILING_FIRST=$(mktemp)
for window in 1 2 3 4 5; do ceiling_read "ceiling $window" 64 2 >> "$CEILING_FIRST"; done
product_read warm 64 "$WARM" > /dev/null
ceiling_read warm 64 "$WARM" > /dev/null
STEADY=$(mktemp)
say "steady state: alternately, ${DURATION} s each"
for round in 1 2; do
  product_read "Storekeeper GET /v1/products/{id}, 64 connections (round $round)" 64 "$DURATION" >> "$STEADY"
  ceiling_read "ceiling app, 64 connections (round $round)" 64 "$DURATION" >> "$STEADY"
done
product_read "Storekeeper GET /v1/products/{id}, 16 connections" 16 "$DURATION" >> "$STEADY"
ceiling_read "ceiling app, 16 connections" 16 "$DURATION" >> "$STEADY"
CEILING_RSS_KB=$(awk '/VmHWM/ {print $2}' "/proc/$CEILING_PID/status")
stop_ceiling
peak_rss

# 3.-5. the rest of the API
RESULTS=$(mktemp)
say "health, checkout, webhooks, orders page"
run "GET /health" 32 "$DURATION" -s bench/auth.lua "$API/health" -- "$TOKEN" >> "$RESULTS"
orders() { # how many orders there are (on PostgreSQL from the database: the server may count SQL-seeded ones late)
  if [ "$DB" = postgres ]; then "${PSQL[@]}" -tAc 'select count(*) from orders'
  else curl -s "$API/v1/orders?limit=1" "${H[@]}" | jq -r .pagination.count; fi
}
checkouts() { # name, seconds: one run of checkouts, then the orders it completed per second
  local before start ms
  before=$(orders)
  start=$(date +%s%N)
  run "$1 (requests)" 16 "$2" -s bench/checkout.lua "$API" -- "$TOKEN" "$VARIANT" "$(date +%s%N)" >> "$RESULTS"
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  printf '%s (orders/s)\t%s\t-\t-\t-\n' "$1" "$(echo "scale=2; ($(orders) - $before) * 1000 / $ms" | bc)" >> "$RESULTS"
}
# the first seconds of checkouts on a node that has only served reads (the checkout path not yet compiled, the new
# tables not yet analyzed), then the steady state, as for the product read
checkouts "checkout create + confirm, the first $WARM s" "$WARM"
ORDERS_BEFORE=$(orders)
checkouts "checkout create + confirm, steady state" "$DURATION"
COMPLETED=$(( $(orders) - ORDERS_BEFORE ))
peak_rss
if [ "$DB" = postgres ]; then
  read -r ACCOUNT_ID PRODUCT_ID VARIANT_ID < <("${PSQL[@]}" -tA -F ' ' -c \
    "select v.account_id, v.product_id, v.id from price_variants v where v.prefix_id = '$VARIANT'")
fi
BENCH_ACCOUNT_ID="${ACCOUNT_ID:-}" "$JAVA" bench/Webhooks.java "$API" "$TOKEN" "$(( DURATION * 100 ))" 8 \
  >> "$RESULTS" 2> "$LOG.webhooks" || { cat "$LOG.webhooks" >&2; exit 1; }
peak_rss
orders_page() {
  local count; count=$(orders)
  # one request first: the first count of a million orders is read while that request waits
  curl -s -o /dev/null -m 60 "$API/v1/orders?limit=100&expand=line_items,customer" "${H[@]}"
  run "GET /v1/orders?limit=100&expand=line_items,customer ($(printf "%'d" "$count") orders)" 16 "$DURATION" \
    -s bench/auth.lua "$API/v1/orders?limit=100&expand=line_items,customer" -- "$TOKEN"
}
seed_orders() { # up to this many orders in all
  local have; have=$(orders)
  [ "$have" -lt "$1" ] || return 0
  local from; from=$(( $("${PSQL[@]}" -tAc "select coalesce(max(-checkout_id), 0) from orders where checkout_id < 0") + 1 ))
  "${PSQL[@]}" -v account="$ACCOUNT_ID" -v product="$PRODUCT_ID" -v variant="$VARIANT_ID" -v from="$from" \
    -v to="$(( from + $1 - have - 1 ))" -f bench/seed-orders.sql
  sleep 2 # orders written behind the server's back show in its counts after CACHE_TTL (1 s)
}
if [ "$DB" = postgres ]; then
  # no lost events: every event of the run reached the outbox's fan-out
  UNFANNED=$("${PSQL[@]}" -tAc 'select count(*) from events where not fanned_out')
  PAID_EVENTS=$("${PSQL[@]}" -tAc "select count(*) from events where type = 'order.paid'")
  CHECKOUT_ORDERS=$("${PSQL[@]}" -tAc 'select count(*) from orders where checkout_id > 0')
  seed_orders 10000
  orders_page >> "$RESULTS"
  say "seeding $LARGE orders"
  seed_orders "$LARGE"
  orders_page >> "$RESULTS"
else
  orders_page >> "$RESULTS"
fi

# 6. statements: restart with JdbcTemplate's debug log and count one request's statements (by its request id)
stop_server
say "counting statements"
# (caches kept a minute, so that a slow machine's requests do not outlive CACHE_TTL between the warm-up and the count)
start_server --logging.level.org.springframework.jdbc.core.JdbcTemplate=debug --storekeeper.cache-ttl=60s > /dev/null
statements() { grep -F "[$1]" "$LOG" | grep -c 'Executing prepared SQL statement' || true; }
for id in bench-sql-warm bench-sql-count; do
  curl -s -o /dev/null -H "X-Request-Id: $id" "$API/v1/orders?limit=100&expand=line_items,customer" "${H[@]}"
done
for n in 1 2; do # the first purchase warms (a new customer is made either way)
  SECRET=$(curl -s -X POST -H "X-Request-Id: bench-sql-create-$n" "$API/v1/checkouts" "${H[@]}" \
    -d "{\"priceVariantId\":\"$VARIANT\"}" | jq -r .clientSecret)
  curl -s -o /dev/null -X POST -H "X-Request-Id: bench-sql-confirm-$n" -H "Content-Type: application/json" \
    "$API/v1/client/checkouts/$SECRET/confirm" -d "{\"email\":\"bench-sql-$n-$(date +%s)@example.com\",\"payment\":{\"card\":{\"number\":\"4242424242424242\",\"expMonth\":12,\"expYear\":2040,\"cvc\":\"123\"}}}"
done
sleep 0.5
ORDERS_STATEMENTS=$(statements bench-sql-count)
CREATE_STATEMENTS=$(statements bench-sql-create-2)
CONFIRM_STATEMENTS=$(statements bench-sql-confirm-2)
stop_server

table() { # rows of name, req/s, p50, p99, errors
  echo "| scenario | req/s | p50 | p99 | errors |"
  echo "|---|---:|---:|---:|---:|"
  while IFS=$'\t' read -r name rps p50 p99 errors; do
    printf '| %s | %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99" "$errors"
  done
}
mean() { # of the req/s of the rows matching $2 in file $1
  grep -F "$2" "$1" | awk -F'\t' '{ s += $2; n++ } END { printf "%.2f", (n ? s / n : 0) }'
}
SK64=$(mean "$STEADY" "Storekeeper GET /v1/products/{id}, 64 connections")
CE64=$(mean "$STEADY" "ceiling app, 64 connections")
SK16=$(mean "$STEADY" "Storekeeper GET /v1/products/{id}, 16 connections")
CE16=$(mean "$STEADY" "ceiling app, 16 connections")
FIRST10=$(mean "$FIRST" "GET /v1/products/{id}")
CEILING_FIRST10=$(mean "$CEILING_FIRST" "ceiling")

echo
echo "Storekeeper $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- server || echo '+changes') on $(nproc) cores," \
  "$(free -g | awk '/Mem/ {print $2}') GiB; $([ "$DB" = h2 ] && echo H2 || echo PostgreSQL); ${DURATION} s per run," \
  "warm-up ${WARM} s; $([ "${BENCH_AOT:-1}" = 1 ] && echo "AOT cache" || echo "plain jar"); JAVA_OPTS=$JAVA_OPTS;" \
  "load average at the start: $LOAD_BEFORE"
echo
echo "### Product read beside the ceiling app (steady state, alternately)"
echo
table < "$STEADY"
echo
echo "ratio Storekeeper / ceiling: $(printf '%.2f' "$(echo "$SK64 / $CE64" | bc -l)") at 64 connections" \
  "($SK64 vs $CE64 req/s), $(printf '%.2f' "$(echo "$SK16 / $CE16" | bc -l)") at 16 connections ($SK16 vs $CE16 req/s);" \
  "answers of $PRODUCT_BYTES and $CEILING_BYTES bytes; ceiling app peak RSS $(( CEILING_RSS_KB / 1024 )) MB"
echo
echo "### The first seconds after a restart (product read, 64 connections)"
echo
{ cat "$FIRST"; echo "$FIRST_RUN"; } | table
echo
echo "first 10 s: $FIRST10 req/s on average, $(printf '%.2f' "$(echo "$FIRST10 / $SK64" | bc -l)") of the steady state;" \
  "as one run after another restart $(cut -f2 <<<"$FIRST_RUN") req/s," \
  "$(printf '%.2f' "$(echo "$(cut -f2 <<<"$FIRST_RUN") / $SK64" | bc -l)") of the steady state, p99 $(cut -f4 <<<"$FIRST_RUN")"
echo "the ceiling app's first 10 s after its start (plain jar, no AOT cache): $CEILING_FIRST10 req/s on average," \
  "$(printf '%.2f' "$(echo "$CEILING_FIRST10 / $CE64" | bc -l)") of its steady state;" \
  "its 2-second windows: $(cut -f2 "$CEILING_FIRST" | paste -sd' ') req/s, p99 $(cut -f4 "$CEILING_FIRST" | paste -sd' ')"
echo
echo "### The rest of the API"
echo
table < "$RESULTS"
echo
echo "orders completed: $COMPLETED in the ${DURATION} s of the steady state; $(tail -1 "$LOG.webhooks")"
[ "$DB" = h2 ] || echo "lost events: $CHECKOUT_ORDERS orders placed by checkout, $PAID_EVENTS order.paid events;" \
  "$UNFANNED events not fanned out after the webhook run"
[ -z "$ANALYZER" ] || echo "PostgreSQL's autovacuum is off here: the bench analyzed changed tables every 10 s as autovacuum would"
echo "SQL statements: one orders page (limit=100, expand=line_items,customer) $ORDERS_STATEMENTS;" \
  "one checkout create $CREATE_STATEMENTS; one checkout completion (the confirm, a new buyer) $CONFIRM_STATEMENTS"
echo "start to first answer: ${STARTUP_MS} ms (empty database), ${RESTART_MS} ms (restart); peak RSS: $((RSS_KB / 1024)) MB"
echo "the whole run took $(( $(date +%s) - BEGAN )) s"
