#!/usr/bin/env bash
# Mutua on a small server: the packaged app (build first: mvn -DskipTests package) with the small-server settings of the
# README (JVM heap 256 MiB, serial GC, PostgreSQL shared_buffers 32 MB, 5 connections), no demo. Measures start-up to
# healthy (cold: empty data folder; then warm), the idle memory of the JVM (RSS) and of the embedded PostgreSQL (PSS of
# all its processes), and the peak of both while a whole round runs through the API: 100 members ordering 20 lines
# from 5 suppliers, closed, pooled, received, invoiced by the suppliers, and every member invoiced (PDF + Factur-X).
# Goal: both together within 1 GiB. Prints the figures and writes them to app/target/bench/small-server.json.
# Usage: scripts/small-server.sh [members]
set -euo pipefail
cd "$(dirname "$0")/.."
members=${1:-100}
jar=app/target/mutua.jar
port=${PORT:-18090}
dir=$(mktemp -d /tmp/mutua-small.XXXXXX)
password="petit serveur solide 2026"
export MUTUA_DATA_DIR="$dir" MUTUA_EMBEDDED_DB_PORT=0 PORT=$port AXONIQ_UPDATE_CHECKER_DISABLED=true
# The small-server setting (README, "Small servers").
export MUTUA_EMBEDDED_DB_SHARED_BUFFERS=32MB MUTUA_EMBEDDED_DB_MAX_CONNECTIONS=20 MUTUA_EMBEDDED_DB_POOL_SIZE=5
export SERVER_TOMCAT_THREADS_MAX=20 MUTUA_BILLING_CHUNK_SIZE=10
java_options=(-Xmx256m -Xss512k -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1)
export MUTUA_BOOTSTRAP_GROUPEMENT_NAME="Petit réseau" MUTUA_BOOTSTRAP_GROUPEMENT_SIRET=73282932000074 \
  MUTUA_BOOTSTRAP_GROUPEMENT_EMAIL=reseau@example.org MUTUA_BOOTSTRAP_GROUPEMENT_HUB="44.84,-0.57" \
  MUTUA_BOOTSTRAP_COORDINATOR_USERNAME=coordination MUTUA_BOOTSTRAP_COORDINATOR_PASSWORD="$password"
pid=
trap 'if [ -n "$pid" ]; then kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; fi; cp "$dir/app.log" /tmp/small-server-app.log 2>/dev/null; rm -rf "$dir"' EXIT

# Starts the app; sets pid and took (ms to healthy).
start() {
  local begin end
  begin=$(date +%s%N)
  java "${java_options[@]}" -jar "$jar" > "$dir/app.log" 2>&1 &
  pid=$!
  until curl -sf "http://localhost:$port/actuator/health" > /dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { echo "app died, see below"; tail -30 "$dir/app.log"; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  took=$(( (end - begin) / 1000000 ))
}

stop() {
  kill $pid; wait $pid 2>/dev/null || true; pid=
}

# Memory in KiB: the JVM's resident set, and the proportional set of every process of the embedded PostgreSQL (their
# shared buffers counted once in all).
memory() {
  local jvm pg=0 p
  jvm=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  for p in $(pgrep -f -- "-D $dir/postgres" || true) $(pgrep -P "$(pgrep -f -- "-D $dir/postgres" | head -1)" 2>/dev/null || true); do
    pg=$(( pg + $(awk '/^Pss:/ {print $2}' /proc/$p/smaps_rollup 2>/dev/null || echo 0) ))
  done
  echo "$jvm $pg"
}

start; cold=$took
sleep 10
read -r idle_jvm idle_pg < <(memory)

# The whole flow, while memory is sampled every 200 ms.
( peak_jvm=0; peak_pg=0; peak_sum=0
  while kill -0 $pid 2>/dev/null && [ ! -f "$dir/flow.done" ]; do
    read -r j g < <(memory)
    [ $(( j + g )) -gt $peak_sum ] && { peak_sum=$(( j + g )); peak_jvm=$j; peak_pg=$g; }
    echo "$peak_jvm $peak_pg" > "$dir/peak"
    sleep 0.2
  done ) &
sampler=$!
flow_began=$(date +%s%N)
python3 - "$port" "$password" "$members" <<'PY'
import base64, json, sys, time, urllib.request, urllib.error
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal, ROUND_HALF_UP
port, password, members = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
auth = "Basic " + base64.b64encode(f"coordination:{password}".encode()).decode()
def call(method, path, body=None, expect=(200, 201, 202, 204)):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"http://localhost:{port}{path}", data=data, method=method,
                                     headers={"Authorization": auth, "Content-Type": "application/json", "Accept": "application/json"})
    try:
        with urllib.request.urlopen(request) as response:
            text = response.read().decode()
            return json.loads(text) if text else None
    except urllib.error.HTTPError as e:
        raise SystemExit(f"{method} {path}: {e.code} {e.read().decode()[:500]}")
address = {"street": "1 quai", "postalCode": "33000", "city": "Bordeaux"}
def siret(n):
    """A distinct establishment number: 13 digits and the Luhn check digit."""
    body = f"9{n:012d}"
    total = 0
    for i, digit in enumerate(reversed(body)):
        d = int(digit) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return body + str((10 - total % 10) % 10)
suppliers, products = [], []
for s in range(5):
    supplier = call("POST", "/api/suppliers", {"name": f"Fournisseur {s}", "siret": siret(s), "address": address,
                                               "location": "44.80, -0.50", "orderEmail": f"f{s}@example.org"})["id"]
    suppliers.append(supplier)
    for p in range(10):
        products.append(call("POST", f"/api/suppliers/{supplier}/products", {"reference": f"P{s}-{p}", "name": f"Produit {s}-{p}",
            "category": "Épicerie", "saleUnit": "PIECE", "caseSize": "6", "vatRate": "5.5", "unitPrice": "2.50"})["id"])
member_ids = [call("POST", "/api/members", {"name": f"Structure {m}", "siret": siret(1000 + m), "essFamily": "ASSOCIATION",
                                            "billingAddress": address, "contactEmail": f"m{m}@example.org"})["id"] for m in range(members)]
closes = (datetime.now(timezone.utc) + timedelta(days=5)).replace(microsecond=0).isoformat()
round_id = call("POST", "/api/rounds", {"title": "Campagne du petit serveur", "closesAt": closes,
                                        "deliveryDate": (date.today() + timedelta(days=8)).isoformat(), "deliveryPlace": "Entrepôt"})["id"]
call("PUT", f"/api/rounds/{round_id}/terms", {"suppliers": suppliers, "allocationPolicy": "PRO_RATA", "feeSplitPolicy": "BY_VALUE",
                                              "groupementFeePercent": "0"})
call("POST", f"/api/rounds/{round_id}/open")
for m, member in enumerate(member_ids):
    lines = [{"productId": products[(m * 7 + 3 * k) % len(products)], "quantity": str(1 + (m + k) % 5), "tolerance": "1"} for k in range(20)]
    call("PUT", f"/api/rounds/{round_id}/orders/{member}", {"lines": lines})
call("POST", f"/api/rounds/{round_id}/close")
def status():
    return call("GET", f"/api/rounds/{round_id}")["status"]
deadline = time.time() + 300
while status() == "CLOSED" and time.time() < deadline:
    time.sleep(0.2)
orders = call("GET", f"/api/rounds/{round_id}/supplier-orders")
for order in orders:
    if order["status"] in ("CANCELLED",):
        continue
    call("POST", f"/api/supplier-orders/{order['id']}/reception", {"lines": []})
for order in call("GET", f"/api/rounds/{round_id}/supplier-orders"):
    if order["status"] == "CANCELLED":
        continue
    lines, base = [], Decimal(0)
    for line in order["lines"]:
        quantity, price = Decimal(line["quantity"]), Decimal(line["unitPrice"])
        lines.append({"productId": line["product"]["id"], "quantity": str(quantity), "unitPrice": str(price)})
        base += (quantity * price).quantize(Decimal("0.01"), ROUND_HALF_UP)
    vat = (base * Decimal("0.055")).quantize(Decimal("0.01"), ROUND_HALF_UP)
    call("POST", f"/api/supplier-orders/{order['id']}/invoice", {"number": "F-" + order["id"][:8], "issueDate": date.today().isoformat(),
                                                                 "lines": lines, "vat": [{"rate": "5.5", "amount": str(vat)}]})
call("POST", f"/api/rounds/{round_id}/invoices")
deadline = time.time() + 600
progress = call("GET", f"/api/rounds/{round_id}/invoices")
while progress["status"] not in ("COMPLETED", "FAILED") and time.time() < deadline:
    time.sleep(0.5)
    progress = call("GET", f"/api/rounds/{round_id}/invoices")
invoices = call("GET", f"/api/member-invoices?round={round_id}")
print(f"flow: {members} members, {len(orders)} supplier orders, invoicing {progress['status']}, {len(invoices)} member invoices")
if progress["status"] != "COMPLETED" or len(invoices) != members:
    raise SystemExit("the round was not invoiced: " + json.dumps(progress)[:500])
PY
flow_ms=$(( ($(date +%s%N) - flow_began) / 1000000 ))
touch "$dir/flow.done"; wait $sampler
read -r peak_jvm peak_pg < "$dir/peak"
stop

warm=()
for i in 1 2 3; do start; warm+=("$took"); stop; done

mib() { echo $(( $1 / 1024 )); }
total_peak=$(( (peak_jvm + peak_pg) / 1024 ))
echo "Small server (JVM ${java_options[*]}; PostgreSQL shared_buffers 32MB, pool 5), $(nproc) cores:"
echo "  start-up to healthy: cold ${cold} ms (empty folder, initdb, migrations), warm ${warm[*]} ms (goal < 8000 ms)"
echo "  idle after start: JVM $(mib "$idle_jvm") MiB + PostgreSQL $(mib "$idle_pg") MiB = $(mib $((idle_jvm + idle_pg))) MiB"
echo "  a ${members}-member round closed and invoiced in ${flow_ms} ms: peak JVM $(mib "$peak_jvm") MiB + PostgreSQL $(mib "$peak_pg") MiB = ${total_peak} MiB (goal <= 1024 MiB)"
best_warm=$(printf '%s\n' "${warm[@]}" | sort -n | head -1)
mkdir -p app/target/bench
cat > app/target/bench/small-server.json <<JSON
{"harness":"small-server","setup":{"date":"$(date -u +%FT%TZ)","cores":$(nproc),"members":$members,"jvm":"${java_options[*]}","sharedBuffers":"32MB","poolSize":5},
 "figures":[
  {"name":"start-up to healthy, warm (best of 3)","value":$best_warm,"unit":"ms","goal":"<= 8000 ms","met":$([ "$best_warm" -le 8000 ] && echo true || echo false)},
  {"name":"start-up to healthy, cold","value":$cold,"unit":"ms"},
  {"name":"idle memory, JVM RSS","value":$(mib "$idle_jvm"),"unit":"MiB"},
  {"name":"idle memory, PostgreSQL PSS","value":$(mib "$idle_pg"),"unit":"MiB"},
  {"name":"peak memory during a ${members}-member round, both","value":$total_peak,"unit":"MiB","goal":"<= 1024 MiB","met":$([ "$total_peak" -le 1024 ] && echo true || echo false)},
  {"name":"that round, ordered to invoiced","value":$flow_ms,"unit":"ms"}]}
JSON
