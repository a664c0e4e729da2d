#!/usr/bin/env bash
# Time to render an invoice PDF: starts the packaged app on the loopback interface (embedded PostgreSQL in a fresh
# temporary directory), signs in as the demo-travel owner and asks for POST /api/v1/documents/preview of
# documents/invoice N times (the shipped invoice template, a three-line sample invoice, the tenant's branding),
# then prints the median, p90 and max of the whole request (curl) and of the application's own time (Server-Timing).
#
#   bench/documents-pdf.sh                 # 30 warm-up requests, then 200 measured, 1 client
#   N=500 C=2 WARMUP=50 bench/documents-pdf.sh
#
# Bounds: N <= 2000, WARMUP <= 500, C <= 8. Only 127.0.0.1 is contacted.
set -euo pipefail
cd "$(dirname "$0")/.."

N="${N:-200}"
C="${C:-1}"
WARMUP="${WARMUP:-30}"
HOST=127.0.0.1
PORT="${BENCH_PORT:-18091}"
READY_TIMEOUT="${READY_TIMEOUT:-180}"
PASSWORD="bench-Documents-$(date +%s)-Pass!"

die() { echo "documents-pdf: $*" >&2; exit 1; }
(( N >= 1 && N <= 2000 && C >= 1 && C <= 8 && WARMUP >= 0 && WARMUP <= 500 )) \
  || die "N must be 1..2000, C 1..8, WARMUP 0..500"
command -v curl >/dev/null || die "curl is needed"

. bench/lib.sh
require_java

require_jar
require_free_port "$HOST" "$PORT"

bench_workdir docs

SERVER_ADDRESS=$HOST PORT=$PORT \
  ZORAH_DATABASE_EMBEDDED_DATA_DIR="$WORK/pg" \
  ZORAH_STORAGE_DIR="$WORK/storage" \
  ZORAH_JWT_SECRET="bench-only-secret-$(date +%s)-0123456789abcdef" \
  ZORAH_DEMO_PASSWORD="$PASSWORD" \
  ZORAH_PRICING_SEED_ENABLED=false \
  LOG_LEVEL=WARN JSON_LOGS=false \
  "$JAVA_BIN" ${BENCH_JAVA_OPTS:-} -jar "$JAR" >"$WORK/app.log" 2>&1 &
APP_PID=$!
wait_ready

sign_in_demo_owner

body='{"template":"documents/invoice"}'
url="http://$HOST:$PORT/api/v1/documents/preview"
one() {
  curl -s -o "$WORK/last.pdf" --max-time 60 -D - -w 'TOTAL %{http_code} %{time_total} %{size_download}\n' \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$body" "$url" \
    | awk '/^[Ss]erver-[Tt]iming:/ { if (match($0, /dur=[0-9.]+/)) app = substr($0, RSTART + 4, RLENGTH - 4) }
           /^TOTAL / { printf "%s %.2f %s %s\n", $2, $3 * 1000, app, $4 }'
}
export -f one
export WORK token body url

seq "$WARMUP" | xargs -r -P "$C" -I{} bash -c one >/dev/null
start=$(date +%s%N)
seq "$N" | xargs -P "$C" -I{} bash -c one >"$WORK/results"
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))

ok=$(awk '$1 == 200' "$WORK/results" | wc -l)
(( ok > 0 )) || { head -3 "$WORK/results" >&2; die "no request answered 200"; }
stats() {
  sort -g | awk '{ a[NR] = $1 } END {
    m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
    p90 = a[int(NR * 0.9) > 0 ? int(NR * 0.9) : 1]
    printf "median %7.1f ms   p90 %7.1f ms   max %7.1f ms", m, p90, a[NR] }'
}
pages=$(grep -c '/Type */Page[^s]' "$WORK/last.pdf" 2>/dev/null || echo "?")

echo "Java: $("$JAVA_BIN" -version 2>&1 | head -1); $(nproc) CPUs; jar: $JAR"
echo "POST /api/v1/documents/preview documents/invoice: $N requests after $WARMUP warm-up, $C client(s)"
echo "  answered 200:        $ok of $N; PDF $(awk '$1 == 200 { print $4; exit }' "$WORK/results") bytes"
echo "  request (curl):      $(awk '$1 == 200 { print $2 }' "$WORK/results" | stats)"
echo "  app (Server-Timing): $(awk '$1 == 200 && $3 != "" { print $3 }' "$WORK/results" | stats)"
awk -v n="$N" -v ms="$elapsed_ms" 'BEGIN { printf "  throughput:          %.1f PDFs/s\n", n * 1000 / ms }'
