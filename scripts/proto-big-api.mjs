#!/usr/bin/env node
// The big real API for proto codegen: Google Ads v25 (897 .proto files, googleapis from
// google-proto-files@5.0.3, installed as a tool: scripts/client-project.mjs TOOLS) generated with
// `shipkit codegen proto` (dist/cli.js) and type-checked with tsc --strict: 0 errors or exit 1.
// Too slow for the 3-minute suite (about a minute on a busy 2-core machine), so .ci/run runs it
// as its own step (`npm run test:proto-big-api`).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { toolPath, tscPath, writeClientProject } from './client-project.mjs';

const root = resolve(import.meta.dirname, '..');
const googleapis = dirname(toolPath('google-proto-files'));
toolPath('buf');
toolPath('protoc-gen-es');
const spec = join(googleapis, 'google/ads/googleads/v25');
const protos = readdirSync(spec, { recursive: true }).filter((f) => String(f).endsWith('.proto')).length;
const work = mkdtempSync(join(tmpdir(), 'shipkit-proto-big-'));
const out = join(work, 'ads');
try {
  let started = performance.now();
  const cli = ['codegen', 'proto', spec, '--include', googleapis, '--out', out];
  console.log(
    execFileSync(process.execPath, [join(root, 'dist/cli.js'), ...cli], { encoding: 'utf8' }).trim(),
  );
  const generateMs = performance.now() - started;
  const ts = readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.ts')).length;
  writeClientProject(out);
  started = performance.now();
  const tsc = spawnSync(process.execPath, [tscPath, '-p', out], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const tscMs = performance.now() - started;
  const errors = (tsc.stdout.match(/error TS\d+/g) ?? []).length;
  console.log(
    `Google Ads v25: ${protos} .proto files → ${ts} TypeScript files in ${(generateMs / 1000).toFixed(1)} s; tsc --strict: ${errors} errors in ${(tscMs / 1000).toFixed(1)} s`,
  );
  if (tsc.status !== 0 || errors > 0) {
    console.error(tsc.stdout.split('\n').slice(0, 20).join('\n'));
    process.exit(1);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
