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
