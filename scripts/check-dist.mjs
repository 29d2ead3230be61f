#!/usr/bin/env node
// Fails when the committed dist/ is not exactly what `npm run build` makes from the source.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fresh = mkdtempSync(join(tmpdir(), 'shipkit-dist-'));
try {
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--out', fresh], { stdio: 'inherit' });
  const list = (dir) => {
    try {
      return readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
        .sort();
    } catch {
      return [];
    }
  };
  const committed = list(join(root, 'dist'));
  const built = list(fresh);
  const differ = [...new Set([...committed, ...built])].filter((f) => {
    try {
      return !readFileSync(join(root, 'dist', f)).equals(readFileSync(join(fresh, f)));
    } catch {
      return true;
    }
  });
  if (differ.length > 0) {
    console.error(`dist/ is stale: ${differ.length} file(s) differ from a fresh build: ${differ.join(', ')}`);
    console.error('Run `npm run build` and commit dist/.');
    process.exit(1);
  }
  console.log(`dist/ matches a fresh build (${built.length} files).`);
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
