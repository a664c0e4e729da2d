#!/usr/bin/env bash
# Load benchmark of the SendGrid Inbound Parse webhook on the loopback interface: how fast the app acknowledges
# inbound mail (stored, announced, answered 200) compared with GET /health/live on the same instance. Starts the
# packaged app bound to 127.0.0.1 on the embedded PostgreSQL in a temporary directory, with the demo-travel tenant's
# inbound secret set, then:
#
#   1. warms up with WARMUP seconds of posts;
#   2. posts realistic multipart payloads (parsed mode, a unique Message-ID each) to
#      /webhooks/email/inbound/demo-travel?token=... with wrk (CONNECTIONS keep-alive connections, one thread) for
#      DURATION seconds, at most MAX_POSTS posts; intake handles every stored email in the background meanwhile
#      (extraction, client, draft quote, timeline, notification) as it would in production;
#   3. waits until intake has handled every stored email (bounded by DRAIN_TIMEOUT) and reports how long it took;
#   4. puts the same load on /health/live for DURATION seconds (at most MAX_HEALTH requests);
#   5. prints responses, requests/s, p50/p90/p99 of both and the ratios, then stops the app.
#
#   bench/email-inbound/inbound-load.sh
#   DURATION=30 CONNECTIONS=32 bench/email-inbound/inbound-load.sh
#
# wrk's requests/s is responses over the whole DURATION, so a run that hits a MAX_* bound before the time is up
# under-reports throughput; the script says so when that happens. Bounds: DURATION <= 120 s, WARMUP <= 60 s,
# MAX_POSTS <= 50,000, MAX_HEALTH <= 5,000,000, CONNECTIONS <= 128, DRAIN_TIMEOUT <= 900 s. Only 127.0.0.1 is ever
# targeted: the app is bound to it.
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-20}
WARMUP=${WARMUP:-10}
MAX_POSTS=${MAX_POSTS:-50000}
MAX_HEALTH=${MAX_HEALTH:-5000000}
CONNECTIONS=${CONNECTIONS:-16}
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-600}
PORT=${BENCH_PORT:-18093}
HOST=127.0.0.1
READY_TIMEOUT=${READY_TIMEOUT:-180}
SECRET="bench-inbound-$(date +%s)-$RANDOM"
PASSWORD="bench-Inbound-$(date +%s)-Pass!"
RECIPIENT=demo-travel@inbound.zorahai.com

die() { echo "inbound-load: $*" >&2; exit 1; }
(( DURATION >= 1 && DURATION <= 120 )) || die "DURATION must be 1..120 seconds"
(( WARMUP >= 0 && WARMUP <= 60 )) || die "WARMUP must be 0..60 seconds"
(( MAX_POSTS >= 1 && MAX_POSTS <= 50000 )) || die "MAX_POSTS must be 1..50000"
(( MAX_HEALTH >= 1 && MAX_HEALTH <= 5000000 )) || die "MAX_HEALTH must be 1..5000000"
(( CONNECTIONS >= 1 && CONNECTIONS <= 128 )) || die "CONNECTIONS must be 1..128"
(( DRAIN_TIMEOUT >= 1 && DRAIN_TIMEOUT <= 900 )) || die "DRAIN_TIMEOUT must be 1..900 seconds"
command -v curl >/dev/null || die "curl is needed"

. bench/lib.sh
require_java
require_wrk
require_jar
require_free_port "$HOST" "$PORT"

bench_workdir inbound

SERVER_ADDRESS=$HOST PORT=$PORT \
  ZORAH_DATABASE_EMBEDDED_DATA_DIR="$WORK/pg" \
  ZORAH_STORAGE_DIR="$WORK/storage" \
  ZORAH_JWT_SECRET="bench-only-secret-$(date +%s)-0123456789abcdef" \
  ZORAH_DEMO_PASSWORD="$PASSWORD" \
  DEMO_TRAVEL_INBOUND_SECRET="$SECRET" \
  DEMO_TRAVEL_INBOUND_ADDRESS="$RECIPIENT" \
  OPENAI_API_KEY= SENDGRID_MASTER_API_KEY= SENDGRID_API_KEY_DEMO_TRAVEL= \
  LOG_LEVEL=WARN JSON_LOGS=false \
  "$JAVA_BIN" ${BENCH_JAVA_OPTS:-} -jar "$JAR" >"$WORK/app.log" 2>&1 &
APP_PID=$!
wait_ready

sign_in_demo_owner
api() { curl -fsS --max-time 20 -H "Authorization: Bearer $token" "http://$HOST:$PORT$1"; }
total_of() { sed -n 's/.*"total":\([0-9]*\).*/\1/p'; }

INBOUND="http://$HOST:$PORT/webhooks/email/inbound/demo-travel?token=$SECRET"
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
    else { printf "%s", v } }'
}
# runs wrk for $5 seconds and prints "requests/s p50 p90 p99 errors responses"
load() {
  local script=$1 max=$2 url=$3 run=$4 seconds=$5 out
  out=$(BENCH_RUN="$run" BENCH_RECIPIENT="$RECIPIENT" WRK_MAX_REQUESTS=$max WRK_THREADS=1 \
    wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s --latency -s "$script" "$url")
  echo "$out" >"$WORK/wrk-$run.txt"
  printf '%s %s %s %s %s %s\n' \
    "$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")" \
    "$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")" \
    "$(to_ms "$(awk '$1 == "90%" { print $2 }' <<<"$out")")" \
    "$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")" \
    "$(awk '/Non-2xx|Socket errors/ { n++ } END { print n + 0 }' <<<"$out")" \
    "$(awk '/requests in/ { print $1 }' <<<"$out")"
}

run_id=$(date +%s)
echo "Java: $("$JAVA_BIN" -version 2>&1 | head -1); $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg); jar: $JAR"
echo "Load: wrk -t1 -c$CONNECTIONS --timeout 10s, ${WARMUP}s of warm-up posts, then ${DURATION}s of posts" \
  "(at most $MAX_POSTS), then ${DURATION}s of /health/live (at most $MAX_HEALTH)"
if (( WARMUP > 0 )); then
  load bench/email-inbound/inbound-post.lua "$MAX_POSTS" "$INBOUND" "w$run_id" "$WARMUP" >/dev/null
  # let intake catch up with the warm-up mail before measuring
  for _ in $(seq 1 "$DRAIN_TIMEOUT"); do
    (( $(api "/api/v1/inbound-emails?status=received&size=1" | total_of) == 0 )) && break
    sleep 1
  done
fi
before=$(api "/api/v1/inbound-emails?size=1" | total_of)
read -r in_rps in_p50 in_p90 in_p99 in_err in_n < <(load bench/email-inbound/inbound-post.lua "$MAX_POSTS" "$INBOUND" \
  "m$run_id" "$DURATION")
(( in_err == 0 )) || { cat "$WORK/wrk-m$run_id.txt" >&2; echo "inbound-load: wrk reported errors" >&2; }
(( in_n < MAX_POSTS )) || echo "inbound-load: MAX_POSTS reached before ${DURATION}s: requests/s is too low" >&2
stored=$(( $(api "/api/v1/inbound-emails?size=1" | total_of) - before ))

# intake works through the stored mail in the background: wait for it before measuring the baseline
drain_start=$(date +%s%N)
drain_deadline=$(( $(date +%s) + DRAIN_TIMEOUT ))
waiting=$(api "/api/v1/inbound-emails?status=received&size=1" | total_of)
while (( waiting > 0 )) && (( $(date +%s) < drain_deadline )); do
  sleep 1
  waiting=$(api "/api/v1/inbound-emails?status=received&size=1" | total_of)
done
drain_s=$(awk -v ns=$(( $(date +%s%N) - drain_start )) 'BEGIN { printf "%.1f", ns / 1e9 }')
stats=$(api "/api/v1/intake/stats")

read -r h_rps h_p50 h_p90 h_p99 h_err h_n < <(load bench/stop-after.lua "$MAX_HEALTH" \
  "http://$HOST:$PORT/health/live" "h$run_id" "$DURATION")
(( h_n < MAX_HEALTH )) || echo "inbound-load: MAX_HEALTH reached before ${DURATION}s: requests/s is too low" >&2

printf '\n%-34s %10s %10s %9s %9s %9s %8s\n' endpoint responses requests/s p50_ms p90_ms p99_ms errors
printf '%-34s %10s %10s %9s %9s %9s %8s\n' "POST /webhooks/email/inbound/{t}" "$in_n" "$in_rps" "$in_p50" "$in_p90" \
  "$in_p99" "$in_err"
printf '%-34s %10s %10s %9s %9s %9s %8s\n' "GET /health/live" "$h_n" "$h_rps" "$h_p50" "$h_p90" "$h_p99" "$h_err"
awk -v a="$in_rps" -v b="$h_rps" -v c="$in_p50" -v d="$h_p50" -v e="$in_p99" -v f="$h_p99" 'BEGIN {
  printf "ratio inbound / health: throughput %.3f, p50 %.1fx, p99 %.1fx\n", a / b, c / d, e / f }'
echo "stored during the measured run: $stored emails for $in_n acknowledgements (unique Message-IDs: all new)"
echo "intake backlog after the load: handled in ${drain_s}s; still waiting: $waiting"
echo "intake outcomes: $(sed -n 's/.*"by_outcome":{\([^}]*\)}.*/\1/p' <<<"$stats")"
echo "intake statuses: $(sed -n 's/.*"by_status":{\([^}]*\)}.*/\1/p' <<<"$stats")"
if grep -q ' ERROR ' "$WORK/app.log"; then
  echo "errors in the app log:" >&2
  grep ' ERROR ' "$WORK/app.log" | head -5 >&2
fi
