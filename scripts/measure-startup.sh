#!/usr/bin/env bash
# Measures start-up to healthy of the packaged app on its embedded PostgreSQL: cold (empty data folder, initdb,
# migrations, demo seeding) then warm (same folder). Usage: scripts/measure-startup.sh [runs]   (build first: mvn -DskipTests package)
# Without the demo: PROFILE= scripts/measure-startup.sh (the app then asks for a first account, and starts all the same).
# Another JVM or options: JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java JAVA_OPTS="-XX:AOTCache=..." JAR=... (scripts/aot-cache.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=${JAR:-app/target/mutua.jar}
java=${JAVA:-java}
port=${PORT:-18080}
dir=$(mktemp -d /tmp/mutua-startup.XXXXXX)

measure() {
  local start end
  start=$(date +%s%N)
  MUTUA_DATA_DIR="$dir" MUTUA_EMBEDDED_DB_PORT=0 PORT=$port AXONIQ_UPDATE_CHECKER_DISABLED=true \
    $java ${JAVA_OPTS:-} -jar "$jar" --spring.profiles.active="${PROFILE-demo}" > "$dir/app.log" 2>&1 &
  local pid=$!
  until curl -sf "http://localhost:$port/actuator/health" > /dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { echo "app died, see $dir/app.log"; exit 1; }
    sleep 0.1
  done
  end=$(date +%s%N)
  echo "$1: $(( (end - start) / 1000000 )) ms to healthy"
  kill $pid; wait $pid 2>/dev/null || true
}

measure "cold (empty data folder)"
for i in $(seq 1 "$runs"); do measure "warm #$i"; done
rm -rf "$dir"
