// Writes tests/DiplomacyGraph.Tests/Data/ftm/model-properties.json: for each FollowTheMoney schema the import
// reads (and the ones its test file uses to show skipping), every property name it has, inherited ones included,
// from the model in npm's @alephdata/followthemoney. Only these names are vendored, not the model.
//   npm ci --prefix tools/ftm-schema && node tools/ftm-schema/extract-properties.js
'use strict';
const fs = require('fs');
const path = require('path');
const model = require('@alephdata/followthemoney/dist/defaultModel.json');
const version = require('@alephdata/followthemoney/package.json').version;

const wanted = ['Person', 'Organization', 'Company', 'LegalEntity', 'PublicBody', 'Sanction', 'Family', 'Associate',
  'Membership', 'Employment', 'Occupancy', 'Position', 'Address', 'Identification',
  'Ownership', 'Directorship', 'UnknownLink', 'Representation', 'Payment'];

function properties(name, seen = new Set()) {
  const schema = model.schemata[name];
  if (!schema) throw new Error(`FollowTheMoney ${version} has no schema ${name}`);
  const names = new Set(Object.keys(schema.properties || {}));
  for (const parent of schema.extends || []) {
    if (seen.has(parent)) continue;
    seen.add(parent);
    for (const p of properties(parent, seen)) names.add(p);
  }
  return names;
}

const out = { source: `npm @alephdata/followthemoney@${version}, dist/defaultModel.json`, schemata: {} };
for (const name of wanted) out.schemata[name] = [...properties(name)].sort();
const target = path.join(__dirname, '..', '..', 'tests', 'DiplomacyGraph.Tests', 'Data', 'ftm', 'model-properties.json');
fs.writeFileSync(target, JSON.stringify(out, null, 1) + '\n');
console.log(`wrote ${target}: ${wanted.length} schemata`);
