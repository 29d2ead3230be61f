// Every `uses: shipkit/shipkit…@<ref>` a user may copy from examples/, docs/ or the README points at
// something that exists: a full commit SHA of this repository's history whose tree holds the action
// (and, in workflow files, every input the step passes), or a visible placeholder such as
// `@<full commit sha>`. A tag such as `@v0` is refused: none is published yet.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './harness/runner.js';

interface Pin {
  where: string;
  path: string;
  ref: string;
  inputs: string[];
}

const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const has = (...args: string[]) => {
  try {
    git(...args);
    return true;
  } catch {
    return false;
  }
};

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.(ya?ml|md)$/.test(d.name))
    .map((d) => relative(ROOT, join(d.parentPath, d.name)));
}

const USES = /uses:\s*["']?shipkit\/shipkit(\/[^@\s"']*)?@(<[^>\n]*>|[^\s"'#]+)/g;

/** Every pinned shipkit reference, with the inputs its step passes (workflow files only). */
function pins(): Pin[] {
  const out: Pin[] = [];
  for (const file of [...files('examples'), ...files('docs'), 'README.md']) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const steps = /\.ya?ml$/.test(file) ? workflowSteps(parse(text)) : [];
    for (const m of text.matchAll(USES)) {
      const line = text.slice(0, m.index).split('\n').length;
      const uses = m[0].replace(/^uses:\s*["']?/, '');
      const step = steps.find((s) => s.uses === uses);
      out.push({
        where: `${file}:${line}`,
        path: (m[1] ?? '').replace(/^\//, ''),
        ref: m[2] as string,
        inputs: Object.keys(step?.with ?? {}),
      });
    }
  }
  return out;
}

function workflowSteps(doc: unknown): { uses?: string; with?: Record<string, unknown> }[] {
  const jobs = (doc as { jobs?: Record<string, { steps?: unknown[] }> } | null)?.jobs ?? {};
  return Object.values(jobs).flatMap(
    (j) => (j?.steps ?? []) as { uses?: string; with?: Record<string, unknown> }[],
  );
}

/** What is wrong with one pin, or nothing. */
function problem(pin: Pin): string | undefined {
  if (/^<[^>]+>$/.test(pin.ref)) return undefined;
  if (!/^[0-9a-f]{40}$/.test(pin.ref))
    return `${pin.where}: @${pin.ref} is not a full commit SHA (no tag is published yet): pin a commit of this repository, or write @<full commit sha>`;
  if (!has('cat-file', '-e', `${pin.ref}^{commit}`)) {
    const shallow = git('rev-parse', '--is-shallow-repository').trim() === 'true';
    return `${pin.where}: commit ${pin.ref} is not in this repository's history${shallow ? ' (this clone is shallow: run `git fetch --unshallow` and test again)' : ''}`;
  }
  // a reusable workflow (`…/.github/workflows/x.yml@sha`) or an action's folder
  const workflow = /\.ya?ml$/.test(pin.path);
  const actionFile = workflow ? pin.path : pin.path === '' ? 'action.yml' : `${pin.path}/action.yml`;
  if (!has('cat-file', '-e', `${pin.ref}:${actionFile}`))
    return `${pin.where}: ${actionFile} does not exist at ${pin.ref.slice(0, 12)}: pin a commit that holds it`;
  const doc = parse(git('show', `${pin.ref}:${actionFile}`));
  if (workflow && doc?.on?.workflow_call === undefined)
    return `${pin.where}: ${actionFile} at ${pin.ref.slice(0, 12)} is not a reusable workflow (no on.workflow_call)`;
  const declared = Object.keys((workflow ? doc.on.workflow_call.inputs : doc.inputs) ?? {});
  const unknown = pin.inputs.filter((i) => !declared.includes(i));
  if (unknown.length > 0)
    return `${pin.where}: ${actionFile} at ${pin.ref.slice(0, 12)} has no input ${unknown.join(', ')}: pin a later commit`;
  return undefined;
}

describe('pinned shipkit references in examples/, docs/ and the README', () => {
  const all = pins();

  it('finds the example workflows’ pins', () => {
    expect(all.filter((p) => p.where.startsWith('examples/workflows/')).length).toBeGreaterThanOrEqual(2);
  });

  it('every pinned commit exists here and holds the action and the inputs the step passes', () => {
    expect(all.map(problem).filter(Boolean)).toEqual([]);
  });

  it('checks a reusable workflow pin as a workflow: it exists and declares workflow_call', () => {
    const head = git('rev-parse', 'HEAD').trim();
    const wf = '.github/workflows/release-reusable.yml';
    expect(problem({ where: 'x.md:1', path: wf, ref: head, inputs: [] })).toBeUndefined();
    expect(problem({ where: 'x.md:1', path: wf, ref: head, inputs: ['no-such-input'] })).toMatch(
      /has no input no-such-input/,
    );
    expect(
      problem({ where: 'x.md:1', path: '.github/workflows/release.yml', ref: head, inputs: [] }),
    ).toMatch(/is not a reusable workflow/);
  });

  it('refuses a commit without the action, and a tag', () => {
    const first = git('rev-list', '--max-parents=0', 'HEAD').trim().split('\n')[0] as string;
    expect(problem({ where: 'x.yml:1', path: 'actions/gate', ref: first, inputs: [] })).toMatch(
      /actions\/gate\/action\.yml does not exist at/,
    );
    expect(
      problem({ where: 'x.yml:1', path: '.github/workflows/release-reusable.yml', ref: first, inputs: [] }),
    ).toMatch(/release-reusable\.yml does not exist at/);
    expect(problem({ where: 'x.yml:1', path: 'actions/plan', ref: 'v0', inputs: [] })).toMatch(
      /not a full commit SHA/,
    );
  });
});
