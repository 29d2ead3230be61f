import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { loadSpec } from '../../src/codegen/load.js';
import { loadConfig } from '../../src/config/load.js';
import { ShipkitError } from '../../src/errors.js';
import { LocalHistoryStore } from '../../src/fs/perf-history.js';
import { readText } from '../../src/fs/read.js';
import { readCoverage } from '../../src/gate/coverage/read.js';
import { readDiffFile, readReports } from '../../src/gate/load.js';
import { readRunContext } from '../../src/github/context.js';
import { readBenchFile } from '../../src/perf/read.js';
import { readBacklogFile } from '../../src/plan/pipeline.js';
import { collectAssets } from '../../src/release/assets.js';
import { workingTreeReader } from '../../src/release/version-files.js';
import { loadTemplate } from '../../src/render/handlebars.js';

/**
 * Every file reader of shipkit against what a hostile checkout can put where a report should be:
 * a symlink to /dev/zero (endless), a FIFO (a read that never returns), a directory, and a sparse
 * file larger than the limit (a size check, not a read). Each must be a one-line ShipkitError that
 * names the file, at once.
 */

let root: string;
const hostile = {
  zero: 'zero.json',
  fifo: 'fifo.json',
  dir: 'dir.json',
  huge: 'huge.json',
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'shipkit-read-'));
  symlinkSync('/dev/zero', join(root, hostile.zero));
  execFileSync('mkfifo', [join(root, hostile.fifo)]);
  mkdirSync(join(root, hostile.dir));
  // 5 GiB without a byte on disk: over every limit, coverage's 4 GiB included.
  writeFileSync(join(root, hostile.huge), '');
  truncateSync(join(root, hostile.huge), 5 * 1024 ** 3);
});

const WHY = {
  zero: /it is a character device, not a regular file/,
  fifo: /it is a FIFO \(named pipe\), not a regular file/,
  dir: /it is a directory, not a regular file/,
  huge: /is 5 GB, over the \d+ (MB|GB) limit/,
} as const;

async function failure(run: () => unknown): Promise<ShipkitError> {
  try {
    await run();
  } catch (err) {
    if (err instanceof ShipkitError) return err;
    throw err;
  }
  throw new Error('expected a ShipkitError');
}

type Reader = (file: string) => unknown;

const READERS: Record<string, Reader> = {
  'jscpd report': (f) => readReports({ root, coverage: [], security: [], duplication: f }, () => {}),
  'base jscpd report': (f) => readReports({ root, coverage: [], security: [], baseDuplication: f }, () => {}),
  'security report': (f) => readReports({ root, coverage: [], security: [f] }, () => {}),
  'TypeDoc report': (f) => readReports({ root, coverage: [], security: [], documentation: f }, () => {}),
  'coverage report': (f) => readCoverage([f], { root, cwd: root }),
  diff: (f) => readDiffFile(root, f),
  config: (f) => loadConfig(f, root),
  backlog: (f) => readBacklogFile(f, root),
  spec: (f) => loadSpec(f, root),
  'benchmark file': (f) => readBenchFile(join(root, f)),
  template: (f) => loadTemplate('release/notes', { path: join(root, f), optional: false }),
  'event payload': (f) => readRunContext({ GITHUB_EVENT_PATH: join(root, f) }),
  'version file': (f) => workingTreeReader(root)(f),
};

describe('every reader refuses what is not a regular file of sane size', () => {
  for (const [name, read] of Object.entries(READERS)) {
    for (const kind of ['zero', 'fifo', 'dir', 'huge'] as const) {
      it(`${name}: ${kind}`, async () => {
        const e = await failure(() => read(hostile[kind]));
        expect(e.message).toMatch(WHY[kind]);
        expect(e.message).not.toContain('\n');
        expect(e.location?.file).toMatch(new RegExp(`${hostile[kind].replace('.', '\\.')}$`));
      });
    }
  }

  it('release assets: the walk keeps regular files only; one over the limit is refused unread', async () => {
    const e = await failure(() => collectAssets(root, [hostile.huge]));
    expect(e.message).toMatch(/the release asset is 5 GB, over the 2 GB limit/);
    expect((await failure(() => collectAssets(root, [hostile.fifo]))).message).toMatch(/matches no file/);
  });

  it('perf history: a FIFO among the stored runs is an error, not a hang', async () => {
    const dir = join(root, 'history');
    mkdirSync(dir);
    execFileSync('mkfifo', [join(dir, 'abc.json')]);
    const e = await failure(() => new LocalHistoryStore(dir).load(['x'], 10));
    expect(e.message).toMatch(WHY.fifo);
  });
});

describe('the CLI on /dev/zero', () => {
  const io = () => {
    const out = { stdout: '', stderr: '' };
    return { out, io: { out: (t: string) => (out.stdout += t), err: (t: string) => (out.stderr += t) } };
  };

  it('bench summary, config validate and gate --baseline exit 1 with one line naming the file', async () => {
    for (const argv of [
      ['bench', 'summary', join(root, hostile.zero)],
      ['config', 'validate', join(root, hostile.zero)],
      ['gate', '--baseline', join(root, hostile.zero)],
    ]) {
      const { out, io: cliIO } = io();
      expect(await main(argv, cliIO)).toBe(1);
      expect(out.stderr).toMatch(/zero\.json: .*it is a character device, not a regular file/);
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('limits', () => {
  afterEach(() => {
    delete process.env.SHIPKIT_MAX_REPORT_MB;
  });

  it('SHIPKIT_MAX_<KIND>_MB changes the limit of that kind', () => {
    const file = join(root, 'two-mb.json');
    writeFileSync(file, Buffer.alloc(2 * 1024 * 1024, 0x20));
    expect(readText(file, { kind: 'report', what: 'the report' })).toHaveLength(2 * 1024 * 1024);
    process.env.SHIPKIT_MAX_REPORT_MB = '1';
    expect(() => readText(file, { kind: 'report', what: 'the report' })).toThrow(
      /the report is 2 MB, over the 1 MB limit/,
    );
  });

  it('a missing file says so with the hint', async () => {
    const e = await failure(() =>
      readText(join(root, 'nope.json'), {
        kind: 'report',
        what: 'the report',
        file: 'nope.json',
        hint: 'Run it.',
      }),
    );
    expect(e.message).toBe('cannot read the report: no such file');
    expect(e.hint).toBe('Run it.');
    expect(e.location).toEqual({ file: 'nope.json' });
  });
});
