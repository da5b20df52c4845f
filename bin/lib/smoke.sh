#!/usr/bin/env bash
# Starts the packaged jar as a user does (java -jar: the server uses the bean definitions the build made ahead of
# time, Spring AOT) on an empty H2 data directory, and checks that it answers: /health, a token made by the jar's
# command while it runs, a product created and read back through the API, and a 422 for a bad one. The test suite
# runs from the classes directory without those bean definitions; this is what checks them. Run by bin/test after
# a whole `mvn verify`.
#   bin/lib/smoke.sh JAVA JAR
set -euo pipefail
JAVA=$1 JAR=$2
DIR=$(mktemp -d)
PORT=$(( 20000 + RANDOM % 20000 ))
API="http://127.0.0.1:$PORT"
LOG="$DIR/server.log"
env -u DATABASE_URL -u REDIS_URL STOREKEEPER_DATA_DIR="$DIR" PORT="$PORT" "$JAVA" -jar "$JAR" > "$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true; rm -rf "$DIR"' EXIT
fail() { echo "Smoke test of $JAR failed: $*" >&2; tail -40 "$LOG" >&2; exit 1; }
for _ in $(seq 1 600); do
  curl -sf -o /dev/null "$API/health" && break
  kill -0 $PID 2>/dev/null || fail "the server stopped"
  sleep 0.2
done
curl -sf -o /dev/null "$API/health" || fail "no answer on /health within two minutes"
grep -q "Starting AOT-processed" "$LOG" || fail "the jar did not start from its ahead-of-time bean definitions"
TOKEN=$(STOREKEEPER_DATA_DIR="$DIR" "$JAVA" -jar "$JAR" token create --name smoke --mode test 2>/dev/null | tail -1)
[ -n "$TOKEN" ] || fail "token create printed no token"
H=(-H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json")
ID=$(curl -sf -X POST "$API/v1/products" "${H[@]}" -d '{"name":"Smoke test"}' | sed -n 's/.*"prefixId":"\(prod_[^"]*\)".*/\1/p')
[ -n "$ID" ] || fail "POST /v1/products did not answer a product"
curl -sf "$API/v1/products/$ID" "${H[@]}" | grep -q '"name":"Smoke test"' || fail "GET /v1/products/$ID"
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$API/v1/products" "${H[@]}" -d '{"product":{"name":12}}')
[ "$STATUS" = 422 ] || fail "a bad product answered $STATUS, not 422"
echo "Smoke test of the packaged jar (ahead-of-time bean definitions): passed"
