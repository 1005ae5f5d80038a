#!/usr/bin/env bash
# Years of history for a network of groupements, made from one round through the application, then measured
# (HistoryBenchmark: impact report, list APIs and pages p50/p99, exports, database size per year).
#
#   scripts/generate-history.sh [data-dir] [groupements] [years] [members]
#
# Defaults: a throw-away directory, 20 groupements, 5 years of weekly rounds, 50 members each (about 5,200 rounds,
# 5.2 million shares and order lines, 260,000 member invoices; 25-30 minutes and about 17 GiB on 2 cores).
# With a data directory, the database stays there: run the script again to measure it again (nothing is made twice),
# or serve it with
#   java -jar app/target/mutua.jar --mutua.data-dir=DIR
# and log in as coordination-0 .. coordination-<G-1> or adherent-0, password "history password".
set -euo pipefail
cd "$(dirname "$0")/.."
data_dir="${1:-}"
groupements="${2:-20}"
years="${3:-5}"
members="${4:-50}"
mvn -q -DskipTests install
cd app
mvn -q test-compile
exec mvn -q -Pbench org.codehaus.mojo:exec-maven-plugin:3.5.1:exec@history-benchmark \
  -Dbench.history.groupements="$groupements" -Dbench.history.years="$years" -Dbench.history.members="$members" \
  -Dbench.history.data-dir="$data_dir"
