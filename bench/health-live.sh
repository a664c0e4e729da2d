#!/usr/bin/env bash
# Load benchmark of GET /health/live on the loopback interface, plus the time from process start to
# /health/ready = UP. Each run starts the packaged app twice on the embedded PostgreSQL in a temporary directory:
# once on an empty data directory (cold: initdb and migrations) and once on the data it left (warm), then puts a
# bounded load on the warm instance with wrk and stops it.
#
#   bench/health-live.sh                     # 3 runs, 15 s of load each, 32 connections
#   RUNS=5 DURATION=30 bench/health-live.sh
#
# Bounds: DURATION <= 120 s and MAX_REQUESTS <= 5,000,000 per run, CONNECTIONS <= 256, RUNS <= 10. Only 127.0.0.1
# is ever targeted: the app is bound to it.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-1}
MAX_REQUESTS=${MAX_REQUESTS:-2000000}
PORT=${BENCH_PORT:-18089}
HOST=127.0.0.1
READY_TIMEOUT=${READY_TIMEOUT:-120}

die() { echo "health-live: $*" >&2; exit 1; }
(( RUNS >= 1 && RUNS <= 10 )) || die "RUNS must be 1..10"
(( DURATION >= 1 && DURATION <= 120 )) || die "DURATION must be 1..120 seconds"
(( WARMUP >= 0 && WARMUP <= 30 )) || die "WARMUP must be 0..30 seconds"
(( CONNECTIONS >= 1 && CONNECTIONS <= 256 )) || die "CONNECTIONS must be 1..256"
(( THREADS >= 1 && THREADS <= CONNECTIONS && THREADS <= 16 )) || die "THREADS must be 1..16 and <= CONNECTIONS"
(( MAX_REQUESTS >= 1 && MAX_REQUESTS <= 5000000 )) || die "MAX_REQUESTS must be 1..5000000"
command -v curl >/dev/null || die "curl is needed"

. bench/lib.sh
require_java
require_wrk
require_jar
require_free_port "$HOST" "$PORT"

WORK=$(mktemp -d -t zorah-bench-XXXXXX)
APP_PID=""
cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

now_ms() { date +%s%3N; }

# starts the app on $1 (data directory); READY_MS is the time from the exec to /health/ready = UP
READY_MS=0
start_app() {
  local data=$1 log=$2 started
  started=$(now_ms)
  SERVER_ADDRESS=$HOST PORT=$PORT \
    ZORAH_DATABASE_EMBEDDED_DATA_DIR="$data" \
    ZORAH_JWT_SECRET="bench-only-secret-$(date +%s)-0123456789abcdef" \
    LOG_LEVEL=INFO JSON_LOGS=false \
    "$JAVA_BIN" ${BENCH_JAVA_OPTS:-} -jar "$JAR" >"$log" 2>&1 &
  APP_PID=$!
  local deadline=$(( started + READY_TIMEOUT * 1000 ))
  until curl -fs "http://$HOST:$PORT/health/ready" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -20 "$log" >&2; die "the app exited before it was ready"; }
    (( $(now_ms) < deadline )) || die "not ready within ${READY_TIMEOUT}s (log: $log)"
    sleep 0.05
  done
  READY_MS=$(( $(now_ms) - started ))
}

stop_app() {
  kill -TERM "$APP_PID"
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

# latency from wrk's "Latency Distribution" in milliseconds
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
    else { printf "%s", v } }'
}

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "Java: $("$JAVA_BIN" -version 2>&1 | head -1); $(nproc) CPUs; jar: $JAR"
echo "Load: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s (at most $MAX_REQUESTS requests) after a ${WARMUP}s warm-up"
printf '%-4s %10s %10s %12s %9s %9s %9s %8s\n' run cold_ms warm_ms requests/s p50_ms p90_ms p99_ms errors

cold_all=() warm_all=() rps_all=() p50_all=() p90_all=() p99_all=()
for run in $(seq 1 "$RUNS"); do
  data="$WORK/pg-$run"
  start_app "$data" "$WORK/cold-$run.log"
  cold=$READY_MS
  grep -qF "data in $data" "$WORK/cold-$run.log" || die "the app did not use the data directory $data"
  stop_app
  start_app "$data" "$WORK/warm-$run.log"
  warm=$READY_MS
  grep -q "Schema \"public\" is up to date" "$WORK/warm-$run.log" || die "the warm start did not reuse the data"

  if (( WARMUP > 0 )); then
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "http://$HOST:$PORT/health/live" >/dev/null
  fi
  out=$(WRK_MAX_REQUESTS=$MAX_REQUESTS WRK_THREADS=$THREADS \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/stop-after.lua \
      "http://$HOST:$PORT/health/live")
  stop_app

  rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  p90=$(to_ms "$(awk '$1 == "90%" { print $2 }' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  errors=$(awk '/Non-2xx|Socket errors/ { n++ } END { print n + 0 }' <<<"$out")
  printf '%-4s %10s %10s %12s %9s %9s %9s %8s\n' "$run" "$cold" "$warm" "$rps" "$p50" "$p90" "$p99" "$errors"
  if (( errors > 0 )); then echo "$out" >&2; fi

  cold_all+=("$cold") warm_all+=("$warm") rps_all+=("$rps") p50_all+=("$p50") p90_all+=("$p90") p99_all+=("$p99")
done

printf '%-4s %10s %10s %12s %9s %9s %9s\n' median \
  "$(printf '%s\n' "${cold_all[@]}" | median)" "$(printf '%s\n' "${warm_all[@]}" | median)" \
  "$(printf '%s\n' "${rps_all[@]}" | median)" "$(printf '%s\n' "${p50_all[@]}" | median)" \
  "$(printf '%s\n' "${p90_all[@]}" | median)" "$(printf '%s\n' "${p99_all[@]}" | median)"
