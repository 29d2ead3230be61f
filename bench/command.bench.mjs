// actions/command: from process start to the permission request (the first thing a command asks
// GitHub), against bare `node` making one request to the same loopback server, in the same run.
// Target (issue 14): at most 80 ms over bare node. Needs a build (dist/command.js).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { row } from './measure.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const work = mkdtempSync(join(tmpdir(), 'shipkit-command-bench-'));
let arrived;
const server = createServer((req, res) => {
  if (req.url.includes('/collaborators/') || req.url === '/bare') arrived?.(performance.now());
  // A read-only answer: the action stops after it (its reply would be refused), which is fine here.
  res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}`;

const event = join(work, 'event.json');
writeFileSync(
  event,
  JSON.stringify({
    action: 'created',
    comment: { id: 1, body: '/help', user: { login: 'mona', type: 'User' } },
    issue: { number: 1, pull_request: { url: `${url}/repos/acme/store/pulls/1` } },
    repository: { default_branch: 'main' },
  }),
);
for (const f of ['output', 'summary']) writeFileSync(join(work, f), '');
const env = {
  PATH: process.env.PATH,
  GITHUB_ACTIONS: 'true',
  GITHUB_EVENT_NAME: 'issue_comment',
  GITHUB_EVENT_PATH: event,
  GITHUB_REPOSITORY: 'acme/store',
  GITHUB_API_URL: url,
  GITHUB_WORKSPACE: join(root, 'examples'),
  GITHUB_OUTPUT: join(work, 'output'),
  GITHUB_STEP_SUMMARY: join(work, 'summary'),
  'INPUT_GITHUB-TOKEN': 'ghs_bench',
  'INPUT_CONFIG-FILE': '',
  'INPUT_ANTHROPIC-API-KEY': '',
};

/** Milliseconds from spawning `args` to the first request the server sees from it. */
async function toFirstRequest(args) {
  const seen = new Promise((r) => {
    arrived = r;
  });
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { env, cwd: join(root, 'examples'), stdio: 'ignore' });
  const at = await seen;
  await new Promise((r) => child.on('close', r));
  return at - t0;
}

/** Milliseconds from spawning `args` to its exit (for the config action: load shipkit.yml, print). */
async function toExit(args) {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { env, cwd: join(root, 'examples'), stdio: 'ignore' });
  await new Promise((r) => child.on('close', r));
  return performance.now() - t0;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const bare = [];
  const ours = [];
  const config = [];
  const bareArgs = ['-e', `fetch(${JSON.stringify(`${url}/bare`)}).then(() => {}, () => {})`];
  // Interleaved, one warm-up each: both see the same machine load.
  for (let i = 0; i <= RUNS; i++) {
    const b = await toFirstRequest(bareArgs);
    const o = await toFirstRequest([join(root, 'dist/command.js')]);
    const c = await toExit([join(root, 'dist/config.js')]);
    if (i > 0) {
      bare.push(b);
      ours.push(o);
      config.push(c);
    }
  }
  console.log(`process start to the first request (median of ${RUNS}, Node ${process.version})`);
  row('bare node: start + one fetch', median(bare), 'ms');
  row('actions/command: start to the permission request', median(ours), 'ms', 'bare node', median(bare));
  row('  above bare node (target: at most 80 ms)', median(ours) - median(bare), 'ms');
  // For scale: loading shipkit.yml (yaml + the zod schema) is most of it; the config action does only that.
  row('actions/config: start to exit', median(config), 'ms', 'bare node', median(bare));
} finally {
  server.close();
  rmSync(work, { recursive: true, force: true });
}
