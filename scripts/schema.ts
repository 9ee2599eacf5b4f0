/**
 * `npm run schema`: writes schema/*.schema.json from the zod schemas (src/report/schemaFiles.ts).
 * Run it after changing a zod schema of an output; the contract test compares the committed files.
 */
import { writeFileSync } from 'node:fs';
import { SCHEMA_FILES, schemaText, type SchemaName } from '../src/report/schemaFiles.js';

for (const name of Object.keys(SCHEMA_FILES) as SchemaName[]) {
  const text = schemaText(name);
  writeFileSync(SCHEMA_FILES[name].file, text);
  process.stdout.write(`wrote ${SCHEMA_FILES[name].file} (${text.length} bytes)\n`);
}
