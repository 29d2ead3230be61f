import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './harness/runner.js';

const run = promisify(execFile);

describe('what users run', () => {
  it('the README and the schema file agree with the action.yml files and the config schema', async () => {
    await expect(
      run(process.execPath, [join(ROOT, 'scripts/docs.mjs'), '--check'], { cwd: ROOT }),
    ).resolves.toBeDefined();
  });

  /** Composite actions: each combines official actions with a JavaScript action's bundle. */

  it('every JavaScript action runs on node24 from a tiny entry in dist/', async () => {
    const dirs = await readdir(join(ROOT, 'actions'));
    const files = ['action.yml', ...dirs.map((d) => `actions/${d}/action.yml`)];
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const action = parse(await readFile(join(ROOT, file), 'utf8'));
      if (action.runs.using === 'composite') {
        // a composite (actions/weekly-report, actions/codegen-pr) starts a JavaScript action's bundle of this repository
        const bundles = (action.runs.steps as { run?: string }[]).flatMap((s) =>
          [...(s.run ?? '').matchAll(/node "\$GITHUB_ACTION_PATH\/\.\.\/\.\.\/(dist\/[\w-]+\.js)"/g)].map(
            (m) => m[1],
          ),
        );
        expect(bundles.length, file).toBeGreaterThan(0);
        for (const b of bundles) await readFile(join(ROOT, b as string), 'utf8');
        continue;
      }
      expect(action.runs.using, file).toBe('node24');
      const entry = await readFile(join(ROOT, file, '..', action.runs.main), 'utf8');
      // A few lines; the umbrella's also carries each command's input defaults.
      expect(entry.length, `${file}: ${action.runs.main}`).toBeLessThan(file === 'action.yml' ? 3000 : 300);
      // Node's compile cache is turned on before the bundle is loaded (a no-op on Node 20).
      expect(entry.indexOf("import './compile-cache.js';"), file).toBeGreaterThan(0);
      expect(entry.indexOf("import { runAction } from './index.js';")).toBeGreaterThan(
        entry.indexOf("import './compile-cache.js';"),
      );
    }
  });
});
