# Makes the JDK 25 AOT cache of Storekeeper (sourced by bin/start and bench/run.sh, not run).
#   make_aot_cache JAVA JAR APP_DIR CACHE [TRAINING_SECONDS [JVM options of the node...]]
# Extracts JAR into APP_DIR and runs a training node on a throwaway H2 database (never your database: DATABASE_URL
# and REDIS_URL are unset for it) with -XX:AOTCacheOutput=CACHE: it starts, answers TRAINING_SECONDS (default 20) of
# scripted purchases and reads (bin/lib/Training.java) so that the cache holds the classes and method profiles of
# the hot paths, not only those of the start, and stops. A node started with -XX:AOTCache=CACHE then loads and links
# those classes from the cache and compiles the hot methods early from their recorded profiles. When the training
# requests cannot run (no javac to run Training.java), the cache is made from the start alone.
make_aot_cache() {
  local java=$1 jar=$2 app=$3 cache=$4 seconds=${5:-20}
  shift 5 2>/dev/null || shift $#
  local training log pid port token status=0
  rm -rf "$app"
  "$java" -Djarmode=tools -jar "$jar" extract --destination "$app" >/dev/null || return 1
  training=$(mktemp -d)
  log="$training/server.log"
  env -u DATABASE_URL -u REDIS_URL STOREKEEPER_DATA_DIR="$training" PORT=0 \
    RATE_LIMIT_PER_MINUTE=100000000 RATE_LIMIT_BURST=10000000 \
    "$java" "$@" -XX:AOTCacheOutput="$cache" -jar "$app/storekeeper.jar" >"$log" 2>&1 &
  pid=$!
  port=
  while kill -0 "$pid" 2>/dev/null; do
    port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$log" | head -1)
    [ -z "$port" ] || break
    sleep 0.1
  done
  if [ -z "$port" ]; then
    cat "$log" >&2; rm -rf "$training"; return 1
  fi
  token=$(STOREKEEPER_DATA_DIR="$training" "$java" -jar "$app/storekeeper.jar" token create --name training \
    --mode test 2>/dev/null | tail -1)
  if [ -z "$token" ] || ! "$java" "$(dirname "${BASH_SOURCE[0]}")/Training.java" "http://127.0.0.1:$port" "$token" \
    "$seconds" 2>>"$log" >&2; then
    echo "The training requests did not run (see below); the cache holds the start only" >&2
    tail -5 "$log" >&2
  fi
  kill -TERM "$pid" 2>/dev/null
  wait "$pid" || status=$?
  # 143: stopped by the TERM above, as intended
  if [ ! -f "$cache" ]; then
    echo "The training node (exit $status) wrote no AOT cache" >&2; tail -20 "$log" >&2; rm -rf "$training"; return 1
  fi
  rm -rf "$training"
}
