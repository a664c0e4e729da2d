#!/usr/bin/env bash
# Time to price a quote: POST /api/v1/quotes:price against a running app on this machine, timed per request.
#
#   EMAIL=owner@demo-travel.local PASSWORD=... bench/quote-price.sh
#
# Uses the demo-travel tenant's seeded hotel rates (config/seed/demo-travel); the body prices a week in Cape Town
# for two adults and a child in ZAR (several hotels match, so several alternatives come back). With CREATE=true
# every request also creates the draft (a quote number, a quote row and its lines).
#
# Settings (environment): BASE (default http://127.0.0.1:8080, loopback only), N requests per phase (default 300,
# at most 5000), C concurrent clients (default 1, at most 32), WARMUP requests first (default 100, at most 2000),
# CREATE (default false).
set -euo pipefail

BASE="${BASE:-http://127.0.0.1:8080}"
N="${N:-300}"
C="${C:-1}"
WARMUP="${WARMUP:-100}"
CREATE="${CREATE:-false}"
: "${EMAIL:?set EMAIL to an owner, admin or consultant of demo-travel}"
: "${PASSWORD:?set PASSWORD}"

case "$BASE" in
  http://127.*|http://localhost*|http://\[::1\]*) ;;
  *) echo "BASE must be a loopback address (127.0.0.0/8, localhost or [::1]); got $BASE" >&2; exit 2 ;;
esac
if (( N < 1 || N > 5000 || C < 1 || C > 32 || WARMUP < 0 || WARMUP > 2000 )); then
  echo "N must be 1..5000, C 1..32 and WARMUP 0..2000" >&2; exit 2
fi
case "$CREATE" in true|false) ;; *) echo "CREATE must be true or false" >&2; exit 2 ;; esac
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
login_body="$(printf '{"email":"%s","password":"%s"}' "$EMAIL" "$PASSWORD")"
token="$(curl -sS --max-time 10 -H 'Content-Type: application/json' -d "$login_body" "$BASE/api/v1/auth/login" \
  | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
if [[ -z "$token" ]]; then
  echo "Login failed: check EMAIL and PASSWORD" >&2
  exit 1
fi
auth="Authorization: Bearer $token"

client_id=""
if [[ "$CREATE" == true ]]; then
  client_id="$(curl -sS --max-time 10 -H "$auth" -H 'Content-Type: application/json' \
    -d '{"name":"Bench Client","emails":["bench-client@example.com"]}' "$BASE/api/v1/clients:upsert" \
    | sed -n 's/.*"client":{"id":"\([^"]*\)".*/\1/p')"
  [[ -n "$client_id" ]] || { echo "Could not create the bench client" >&2; exit 1; }
fi
body="$(printf '{"destination":"Cape Town","check_in":"2027-03-01","check_out":"2027-03-08","adults":2,"children_ages":[8],"currency":"ZAR","create":%s%s}' \
  "$CREATE" "${client_id:+,\"client_id\":\"$client_id\"}")"
printf '%s' "$body" > "$work/body.json"

check="$(curl -s -o "$work/first.json" -w '%{http_code}' --max-time 30 -H "$auth" -H 'Content-Type: application/json' \
  --data-binary @"$work/body.json" "$BASE/api/v1/quotes:price")"
if [[ "$check" != 200 && "$check" != 201 ]]; then
  echo "quotes:price answered $check: $(head -c 300 "$work/first.json")" >&2
  exit 1
fi
alternatives="$(grep -o '"hotel_name"' "$work/first.json" | wc -l)"

phase() {
  local out="$1" count="$2"
  # status, seconds at the client, and the app's own time from its Server-Timing header (app;dur=<ms>)
  seq "$count" | xargs -P "$C" -I{} curl -s -o /dev/null --max-time 30 \
    -w '%{http_code} %{time_total} %header{server-timing}\n' \
    -H "$auth" -H 'Content-Type: application/json' --data-binary @"$work/body.json" "$BASE/api/v1/quotes:price" \
    > "$out"
}

if (( WARMUP > 0 )); then phase "$work/warmup.txt" "$WARMUP"; fi
start="$(date +%s.%N)"
phase "$work/run.txt" "$N"
elapsed="$(echo "$(date +%s.%N) - $start" | bc -l)"

ok="$(awk '$1 == 200 || $1 == 201' "$work/run.txt" | wc -l)"
# percentiles of a column of milliseconds on stdin
stats() {
  sort -n | awk '{ v[NR] = $1 } END {
    p50 = v[int(NR * 0.50) > 0 ? int(NR * 0.50) : 1]
    p90 = v[int(NR * 0.90) > 0 ? int(NR * 0.90) : 1]
    p99 = v[int(NR * 0.99) > 0 ? int(NR * 0.99) : 1]
    printf "median %.1f ms, p90 %.1f ms, p99 %.1f ms", p50, p90, p99 }'
}
client="$(awk '{ print $2 * 1000 }' "$work/run.txt" | stats)"
server="$(sed -n 's/.*app;dur=\([0-9.]*\).*/\1/p' "$work/run.txt" | stats)"
printf 'quotes:price (create=%s, %d alternatives): %d requests (%d ok), %d clients, %.1f req/s\n' \
  "$CREATE" "$alternatives" "$N" "$ok" "$C" "$(echo "$N / $elapsed" | bc -l)"
printf '  at the client (curl time_total): %s\n' "$client"
printf '  in the app (Server-Timing app):  %s\n' "$server"
