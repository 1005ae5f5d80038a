#!/usr/bin/env bash
# Times the catalog import of a 10,000-row Windows-1252 ';' file through the API, on the packaged app with its
# embedded PostgreSQL (durable settings): the first import after start (new products), a second file (new products,
# warm JVM) and a re-import with every row changed. Build first: mvn -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-10000}
port=${PORT:-18082}
dir=$(mktemp -d /tmp/mutua-import.XXXXXX)
python3 - "$rows" "$dir" <<'PY'
import sys
rows, folder = int(sys.argv[1]), sys.argv[2]
header = "Référence;Désignation;Catégorie;Unité;Pas;Colis;Minimum;Prix HT;TVA;Paliers;Labels;Origine;Disponible"
def write(name, prefix, origin):
    lines = [header]
    for i in range(rows):
        cents = 100 + (i * 37) % 4900
        price = f"{cents // 100},{cents % 100:02d}"
        tier = f"{(cents - 10) // 100},{(cents - 10) % 100:02d}"
        lines.append(f"{prefix}-{i:05d};Produit n° {i};Catégorie {i % 20};kg;1;{(1, 2, 5, 10)[i % 4]};0;{price};5,5;50:{tier};AB;{origin};oui")
    open(f"{folder}/{name}.csv", "wb").write(("\r\n".join(lines) + "\r\n").encode("windows-1252"))
write("first", "A", "France")
write("second", "B", "France")
write("changed", "B", "Espagne")
PY
MUTUA_DATA_DIR="$dir" MUTUA_EMBEDDED_DB_PORT=0 PORT=$port AXONIQ_UPDATE_CHECKER_DISABLED=true \
  java -jar app/target/mutua.jar --spring.profiles.active=demo > "$dir/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
until curl -sf "http://localhost:$port/actuator/health" > /dev/null 2>&1; do sleep 0.2; done
supplier=$(curl -s -u gaec-entre-deux-mers:mutua-demo "http://localhost:$port/api/suppliers" | python3 -c 'import json,sys;print(json.load(sys.stdin)[0]["supplier"]["id"])')
for file in first second changed; do
  start=$(date +%s%N)
  status=$(curl -s -u gaec-entre-deux-mers:mutua-demo -H 'Content-Type: text/csv' --data-binary "@$dir/$file.csv" \
    "http://localhost:$port/api/suppliers/$supplier/products/import" | python3 -c 'import json,sys;r=json.load(sys.stdin);print(r["status"], r["importedRows"])')
  end=$(date +%s%N)
  echo "$file: $rows rows, $status, $(( (end - start) / 1000000 )) ms"
done
