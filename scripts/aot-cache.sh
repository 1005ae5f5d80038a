#!/usr/bin/env bash
# Faster start-up with Java 25's ahead-of-time cache (JEP 483/514): extracts the packaged app into plain jars (the cache
# needs a class path of files, not a jar in a jar), makes one training run that starts the Spring context and stops,
# and writes the cache next to it. Usage: scripts/aot-cache.sh [java-25-binary] [destination]
# (build first: mvn -DskipTests package). Then run with: <java-25> -XX:AOTCache=<destination>/mutua.aot -jar <destination>/mutua.jar
# The cache belongs to that JVM build and that jar: make it again after either changes.
set -euo pipefail
cd "$(dirname "$0")/.."
java=${1:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
dest=${2:-app/target/aot}
rm -rf "$dest"
"$java" -Djarmode=tools -jar app/target/mutua.jar extract --destination "$dest" > /dev/null
data=$(mktemp -d /tmp/mutua-aot.XXXXXX)
# The training run: the whole context is built (database, migrations, Axon, web), then the JVM exits and writes the cache.
MUTUA_DATA_DIR="$data" MUTUA_EMBEDDED_DB_PORT=0 PORT=0 AXONIQ_UPDATE_CHECKER_DISABLED=true \
  "$java" -XX:AOTCacheOutput="$dest/mutua.aot" -Dspring.context.exit=onRefresh -jar "$dest/mutua.jar" > "$dest/training.log" 2>&1
rm -rf "$data"
ls -la "$dest/mutua.aot"
echo "Run: $java -XX:AOTCache=$dest/mutua.aot -jar $dest/mutua.jar"
