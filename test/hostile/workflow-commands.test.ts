// Issue 11 item 1: untrusted text printed by an action or by the CLI in a `run:` step must never
// read as a workflow command. Each case runs the bundle (dist/, or SHIPKIT_DIST) on a hostile
// fixture from test/fixtures/hostile/workflow-commands/ and asks a port of the runner's own
// parser (test/harness/runner-commands.ts) which commands it would act on.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shipkit } from '../harness/cli.js';
import { ROOT, runAction } from '../harness/runner.js';
import { effectiveCommands, type WorkflowCommand } from '../harness/runner-commands.js';
import { makeRepo } from '../release/git-repo.js';
import { hostileWorkspace } from './helpers.js';

const F = join(ROOT, 'test/fixtures/hostile/workflow-commands');

/** A command shipkit did not mean to give: anything but its own `::error title=shipkit` and warnings. */
const forged = (commands: WorkflowCommand[], own: (c: WorkflowCommand) => boolean = () => false) =>
  commands.filter((c) => !own(c));
const inActions = { GITHUB_ACTIONS: 'true' };
const cliCommands = (run: { stdout: string; stderr: string }) => [
  ...effectiveCommands(run.stdout),
  ...effectiveCommands(run.stderr),
];

describe('hostile text never forges a workflow command', () => {
  it('perf-gate action: benchmark names holding commands are logged as text', async () => {
    const ws = await hostileWorkspace('workflow-commands');
    const run = await runAction({
      action: 'actions/perf-gate',
      inputs: { results: 'bench-head.json', 'base-results': 'bench-base.json' },
      workspace: ws,
    });
    expect(run.stderr).toBe('');
    expect(run.outputs.verdict).toBe('pass');
    // the names reached the log intact, between a stop-commands pair
    expect(run.stdout).toContain('::set-output name=verdict::pass');
    expect(run.stdout).toContain('::error::x');
    expect(forged(run.commands)).toEqual([]);
  });

  it('codegen action: an OpenAPI path key holding a command is logged as text', async () => {
    const ws = await hostileWorkspace('workflow-commands');
    await mkdir(join(ws, '.github'), { recursive: true });
    await writeFile(
      join(ws, '.github/shipkit.yml'),
      'codegen:\n  targets:\n    - spec: openapi.yaml\n      out: src/generated/pets\n',
    );
    const run = await runAction({ action: 'actions/codegen', inputs: { mode: 'check' }, workspace: ws });
    expect(run.stdout).toContain('::error file=src/index.ts,line=1::forged');
    // its own annotations only: the stale-code error, its detail titled shipkit, nothing else
    const own = (c: WorkflowCommand) =>
      c.command === 'error' &&
      (c.properties.title === 'shipkit' || c.message === 'generated code is out of date with its spec');
    expect(run.errors.length).toBeGreaterThan(0);
    expect(forged(run.commands, own)).toEqual([]);
  });

  it('CLI in a run: step: commit messages in `release notes` and `changelog` stay text', async () => {
    const messages = JSON.parse(await readFile(join(F, 'commits.json'), 'utf8')) as string[];
    const repo = makeRepo([
      { message: 'chore: start', tags: ['v1.0.0'] },
      ...messages.map((message) => ({ message })),
    ]);
    const notes = await shipkit(['release', 'notes'], repo, inActions);
    expect(notes.code).toBe(0);
    expect(notes.stdout).toContain('::error file=src/index.ts,line=1::forged in a breaking change');
    expect(cliCommands(notes)).toEqual([]);
    const changelog = await shipkit(['release', 'changelog'], repo, inActions);
    expect(changelog.code).toBe(0);
    expect(changelog.stdout).toContain('::stop-commands::hostile');
    expect(cliCommands(changelog)).toEqual([]);
    // --json is data for jq: it parses to the same text, and carries no command either
    const json = await shipkit(['release', 'notes', '--json'], repo, inActions);
    expect(cliCommands(json)).toEqual([]);
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain('##[add-mask]the');
  });

  it('CLI outside a run: step (output to a file or a terminal) prints the text as it is', async () => {
    const messages = JSON.parse(await readFile(join(F, 'commits.json'), 'utf8')) as string[];
    const repo = makeRepo([
      { message: 'chore: start', tags: ['v1.0.0'] },
      ...messages.map((message) => ({ message })),
    ]);
    const notes = await shipkit(['release', 'notes'], repo, { GITHUB_ACTIONS: '' });
    expect(notes.stdout).not.toContain('stop-commands::shipkit');
    expect(notes.stdout).toContain('\n  ::error file=src/index.ts,line=1::forged in a breaking change');
  });

  it('CLI bench compare: hostile benchmark names in the table and the notes stay text', async () => {
    const run = await shipkit(
      ['bench', 'compare', '--base', join(F, 'bench-base.json'), '--head', join(F, 'bench-head.json')],
      ROOT,
      inActions,
    );
    expect(run.stdout + run.stderr).toContain('::set-output name=verdict::pass');
    expect(cliCommands(run)).toEqual([]);
  });
});

describe('the port of the runner parser finds what the runner finds', () => {
  it('trimmed, legacy, carriage-return, stop-commands and case-insensitive forms', () => {
    const text = [
      '  \u00a0::error file=a.ts,line=1::one',
      'x ##[warning]two',
      'y\r::NOTICE::three',
      '::not-a-command::four',
      '::stop-commands::tok',
      '::error::silenced',
      '::tok::',
      '::debug::five',
    ].join('\n');
    expect(effectiveCommands(text).map((c) => `${c.command}:${c.message}`)).toEqual([
      'error:one',
      'warning:two',
      'NOTICE:three',
      'debug:five',
    ]);
    expect(effectiveCommands('::stop-commands::\n::error::x\n::::').map((c) => c.command)).toEqual([
      'stop-commands',
    ]);
  });
});
