# Shared by the benchmark scripts, sourced from the repository root after each script defines die().

# a JDK 21+ (JAVA, JAVA_HOME, or one under /usr/lib/jvm) into JAVA_BIN
java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
find_java() {
  local candidate
  for candidate in "${JAVA:-}" "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    if [[ -n "$candidate" && -x "$candidate" ]] && (( $(java_major "$candidate" || echo 0) >= 21 )); then
      echo "$candidate"; return 0
    fi
  done
  return 1
}
require_java() {
  JAVA_BIN=$(find_java) || die "no Java 21+ found; set JAVA or JAVA_HOME"
}

# wrk: installed from the distribution when missing and allowed
require_wrk() {
  command -v wrk >/dev/null && return 0
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "Installing wrk from the distribution packages" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null \
      || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null; } \
      || die "could not install wrk"
  else
    die "wrk is needed (e.g. apt-get install wrk, brew install wrk)"
  fi
}

# the packaged app into JAR, rebuilt when the sources are newer
require_jar() {
  JAR=$(ls target/zorah-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)
  if [[ -z "$JAR" || -n "$(find src pom.xml -newer "$JAR" -print -quit)" ]]; then
    echo "Packaging the app" >&2
    ./mvnw -q -B -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true package
    JAR=$(ls target/zorah-*.jar | grep -v '\.original$' | head -1)
  fi
}

# dies when something already answers on $1:$2
require_free_port() {
  if curl -s -o /dev/null "http://$1:$2/"; then
    die "port $2 is in use; set BENCH_PORT"
  fi
}

# a temporary directory in WORK for the app's database and storage, removed (with the app stopped) on exit
bench_workdir() {
  WORK=$(mktemp -d -t "zorah-bench-$1-XXXXXX")
  APP_PID=""
  trap bench_cleanup EXIT INT TERM
}
bench_cleanup() {
  if [[ -n "${APP_PID:-}" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}

# waits until the app started as APP_PID answers /health/ready on HOST:PORT, at most READY_TIMEOUT seconds
wait_ready() {
  local deadline=$(( $(date +%s) + READY_TIMEOUT ))
  until curl -fs "http://$HOST:$PORT/health/ready" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -20 "$WORK/app.log" >&2; die "the app exited before it was ready"; }
    (( $(date +%s) < deadline )) || die "not ready within ${READY_TIMEOUT}s"
    sleep 0.2
  done
}

# signs in as the demo travel owner with PASSWORD (the demo owners are created once the app is ready) into token
sign_in_demo_owner() {
  token=""
  for _ in $(seq 1 50); do
    token="$(curl -sS --max-time 10 -H 'Content-Type: application/json' \
      -d "{\"email\":\"owner@demo-travel.local\",\"password\":\"$PASSWORD\"}" "http://$HOST:$PORT/api/v1/auth/login" \
      | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
    [[ -n "$token" ]] && return 0
    sleep 0.2
  done
  die "could not sign in as owner@demo-travel.local"
}
