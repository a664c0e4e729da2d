#!/usr/bin/env bash
# Login throughput and the cost of a token-authenticated request, against a running app on this machine.
#
#   EMAIL=owner@demo-travel.local PASSWORD=... bench/login.sh
#
# The app must run with rate limits raised, or the 6th login of the same account answers 429:
#   ZORAH_IDENTITY_RATE_LIMITS_PER_MINUTE=1000000 ZORAH_IDENTITY_RATE_LIMITS_PER_HOUR=1000000 ./mvnw spring-boot:run
# A fresh install prints its demo owners (email and password) at first start; use one of them.
#
# Settings (environment): BASE (default http://127.0.0.1:8080, loopback only), N requests per phase
# (default 200, at most 5000), C concurrent clients (default 4, at most 32).
set -euo pipefail

BASE="${BASE:-http://127.0.0.1:8080}"
N="${N:-200}"
C="${C:-4}"
: "${EMAIL:?set EMAIL to an account of the running app}"
: "${PASSWORD:?set PASSWORD}"

case "$BASE" in
  http://127.*|http://localhost*|http://\[::1\]*) ;;
  *) echo "BASE must be a loopback address (127.0.0.0/8, localhost or [::1]); got $BASE" >&2; exit 2 ;;
esac
if (( N < 1 || N > 5000 || C < 1 || C > 32 )); then
  echo "N must be 1..5000 and C 1..32" >&2; exit 2
fi
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
login_body="$(printf '{"email":"%s","password":"%s"}' "$EMAIL" "$PASSWORD")"

token="$(curl -sS --max-time 10 -H 'Content-Type: application/json' -d "$login_body" "$BASE/api/v1/auth/login" \
  | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
if [[ -z "$token" ]]; then
  echo "Login failed: check EMAIL, PASSWORD and that the app runs with raised rate limits" >&2
  exit 1
fi

# one phase: N requests by C clients; prints "status seconds" per request into $1
phase() {
  local out="$1"; shift
  seq "$N" | xargs -P "$C" -I{} curl -s -o /dev/null --max-time 30 -w '%{http_code} %{time_total}\n' "$@" \
    > "$out"
}

summary() {
  local name="$1" file="$2" elapsed="$3"
  local ok
  ok="$(awk '$1 == 200' "$file" | wc -l)"
  awk -v name="$name" -v n="$N" -v ok="$ok" -v elapsed="$elapsed" -v c="$C" '{ print $2 * 1000 }' "$file" \
    | sort -n | awk -v name="$name" -v n="$N" -v ok="$ok" -v elapsed="$elapsed" -v c="$C" '
      { v[NR] = $1 }
      END {
        p50 = v[int(NR * 0.50) > 0 ? int(NR * 0.50) : 1]
        p95 = v[int(NR * 0.95) > 0 ? int(NR * 0.95) : 1]
        printf "%-22s %5d requests (%d ok), %2d clients: %7.1f req/s, median %6.1f ms, p95 %6.1f ms\n",
          name, n, ok, c, n / elapsed, p50, p95
      }'
}

timed() {
  local start end
  start="$(date +%s.%N)"
  "$@"
  end="$(date +%s.%N)"
  awk -v s="$start" -v e="$end" 'BEGIN { print e - s }' 
}

# warm up the JIT and the connection pools a little
N_SAVED="$N"; N=$(( N < 50 ? N : 50 ))
phase "$work/warm" -H 'Content-Type: application/json' -d "$login_body" "$BASE/api/v1/auth/login"
N="$N_SAVED"

t="$(timed phase "$work/login" -H 'Content-Type: application/json' -d "$login_body" "$BASE/api/v1/auth/login")"
summary "POST /auth/login" "$work/login" "$t"
t="$(timed phase "$work/users" -H "Authorization: Bearer $token" "$BASE/api/v1/users?size=1")"
summary "GET /users (JWT)" "$work/users" "$t"
t="$(timed phase "$work/health" "$BASE/health/live")"
summary "GET /health/live" "$work/health" "$t"
