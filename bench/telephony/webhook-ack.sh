#!/usr/bin/env bash
# Acknowledgement time of VAPI end-of-call reports: starts the packaged app on the loopback interface (embedded
# PostgreSQL in a fresh temporary directory) with a webhook secret for demo-travel, runs WebhookAckBench.java
# (reports of a 20-minute call, each with its own call id), then checks that every report became a call record and
# how long the durable processing took to catch up.
#
#   bench/telephony/webhook-ack.sh                     # 50 warm-up, 300 measured, 1 sender, 20-minute calls
#   N=1000 C=4 MINUTES=20 bench/telephony/webhook-ack.sh
#
# Bounds (checked by the Java program): N <= 5000, C <= 16, WARMUP <= 1000, MINUTES <= 120. Only 127.0.0.1 is
# contacted.
set -euo pipefail
cd "$(dirname "$0")/../.."

export N="${N:-300}" C="${C:-1}" WARMUP="${WARMUP:-50}" MINUTES="${MINUTES:-20}"
HOST=127.0.0.1
PORT="${BENCH_PORT:-18092}"
READY_TIMEOUT="${READY_TIMEOUT:-180}"
DRAIN_TIMEOUT="${DRAIN_TIMEOUT:-300}"
PASSWORD="bench-Telephony-$(date +%s)-Pass!"
SECRET="bench-vapi-secret-$(date +%s%N)"

die() { echo "webhook-ack: $*" >&2; exit 1; }
command -v curl >/dev/null || die "curl is needed"
. bench/lib.sh
require_java

require_jar
require_free_port "$HOST" "$PORT"

bench_workdir vapi

SERVER_ADDRESS=$HOST PORT=$PORT \
  ZORAH_DATABASE_EMBEDDED_DATA_DIR="$WORK/pg" \
  ZORAH_STORAGE_DIR="$WORK/storage" \
  ZORAH_JWT_SECRET="bench-only-secret-$(date +%s)-0123456789abcdef" \
  ZORAH_DEMO_PASSWORD="$PASSWORD" \
  ZORAH_PRICING_SEED_ENABLED=false \
  VAPI_WEBHOOK_SECRET_DEMO_TRAVEL="$SECRET" \
  LOG_LEVEL=WARN JSON_LOGS=false \
  "$JAVA_BIN" ${BENCH_JAVA_OPTS:-} -jar "$JAR" >"$WORK/app.log" 2>&1 &
APP_PID=$!
wait_ready

BASE="http://$HOST:$PORT" TENANT=demo-travel SECRET="$SECRET" "$JAVA_BIN" bench/telephony/WebhookAckBench.java
sent=$(( N + WARMUP ))
sent_at=$(date +%s%N)

sign_in_demo_owner
deadline=$(( $(date +%s) + DRAIN_TIMEOUT ))
stored=0
while :; do
  stored="$(curl -sS --max-time 10 -H "Authorization: Bearer $token" "http://$HOST:$PORT/api/v1/calls?size=1" \
    | sed -n 's/.*"total":\([0-9]*\).*/\1/p')"
  (( ${stored:-0} >= sent )) && break
  (( $(date +%s) < deadline )) || break
  sleep 0.2
done
drain_ms=$(( ($(date +%s%N) - sent_at) / 1000000 ))
echo "  call records stored:      ${stored:-0} of $sent; the last one ${drain_ms} ms after the last acknowledgement"
