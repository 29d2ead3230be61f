// Each JavaScript action has an entry on the TypeScript source, src/entries/<name>.ts, exporting the
// `run()` that @github/local-action calls (`npm run local-action -- <name>`; .ci/run runs the gate
// action that way on examples/). Here: every action has one, and one runs its command as the runner would.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION_COMMANDS } from '../src/main.js';
import { ROOT } from './harness/runner.js';

const nodeActions = readdirSync(join(ROOT, 'actions'))
  .filter((name) => {
    const action = parse(readFileSync(join(ROOT, 'actions', name, 'action.yml'), 'utf8'));
    return String(action.runs?.using ?? '').startsWith('node');
  })
  .sort();

describe('action entries for @github/local-action', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    process.exitCode = undefined;
  });

  it('every JavaScript action has src/entries/<name>.ts exporting run() for its command', async () => {
    expect(nodeActions.length).toBeGreaterThan(0);
    const entries = readdirSync(join(ROOT, 'src/entries')).map((f) => f.replace(/\.ts$/, ''));
    expect(entries.sort()).toEqual(nodeActions);
    for (const name of nodeActions) {
      expect(Object.keys(ACTION_COMMANDS)).toContain(name);
      const entry = await import(`../src/entries/${name}.ts`);
      expect(typeof entry.run, name).toBe('function');
      expect(entry.run.length, `${name}: run() takes no arguments`).toBe(0);
    }
  });

  it('run() of the config entry runs the config action on examples/', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipkit-entry-'));
    const output = join(dir, 'output');
    writeFileSync(output, '');
    process.env = {
      PATH: saved.PATH,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: join(ROOT, 'examples'),
      GITHUB_OUTPUT: output,
    };
    const { run } = await import('../src/entries/config.js');
    await run();
    expect(process.exitCode ?? 0).toBe(0);
    expect(readFileSync(output, 'utf8')).toMatch(/^config-file<<.+\n\.github\/shipkit\.yml\n/m);
  });
});
