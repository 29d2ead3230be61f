#!/usr/bin/env node
// `npm run bench [name…]`: runs every bench/*.bench.mjs (or the named ones) one after another.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();
for (const file of benches) {
  console.log(`\n## ${file.replace('.bench.mjs', '')}`);
  execFileSync(process.execPath, [join(here, file)], { stdio: 'inherit' });
}
