// The permission request goes out before the command action loads anything heavy (issue 14's
// start-up target): the modules statically reachable from the action's entry up to that request
// load no schema library, YAML parser, octokit or model SDK; the pull-request-only commands are
// known without the specs; and when that first plain request gets no usable answer, the role is
// asked again through the full client and the command goes on.
import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/command/registry.js';
import { PULL_REQUEST_COMMANDS } from '../../src/command/spec.js';
import { ROOT } from '../harness/runner.js';
import { type CommandRepo, commentEvent, runInProcess, withCommandRepo } from './setup.js';

const PERMISSION = 'GET /repos/{owner}/{repo}/collaborators/{username}/permission';

/** Imports that load code when the importing module loads: not `import type`, not `import()`. */
function loadedImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const found: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes =
        clause &&
        !clause.name &&
        named &&
        ts.isNamedImports(named) &&
        named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) found.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      found.push((node.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return found;
}

/** Every package a module statically loads, following relative imports through src/. */
function packagesLoadedBy(entry: string): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of loadedImports(file)) {
      if (spec.startsWith('.')) visit(join(dirname(file), spec).replace(/\.js$/, '.ts'));
      else if (!spec.startsWith('node:')) packages.set(spec, posix.relative(ROOT, file));
    }
  };
  visit(join(ROOT, entry));
  return packages;
}

describe('the command action before its permission request', () => {
  it('statically loads no zod, yaml, octokit or Anthropic SDK', () => {
    const heavy = /^(zod|yaml|js-yaml|handlebars|saxes|@octokit\/|@actions\/|@anthropic-ai\/)/;
    const loaded = [
      ...packagesLoadedBy('src/main.ts'),
      ...packagesLoadedBy('src/actions/runtime.ts'),
      ...packagesLoadedBy('src/actions/command.ts'),
    ];
    expect(loaded.filter(([name]) => heavy.test(name)).map(([name, by]) => `${by} -> ${name}`)).toEqual([]);
  });

  it('sees a static zod import through relative imports (the check above can fail)', () => {
    const loaded = packagesLoadedBy('src/command/registry.ts');
    expect(loaded.get('zod')).toMatch(/^src\/command\//);
  });

  it('knows the pull-request-only commands without loading the specs', () => {
    for (const spec of Object.values(COMMANDS))
      expect(PULL_REQUEST_COMMANDS.has(spec.name), spec.name).toBe(spec.pullRequest);
  });
});

describe('the first permission request gets no usable answer', () => {
  let r: CommandRepo;
  withCommandRepo((repo) => {
    r = repo;
  });

  it('a server error: asked again through the client, then the command runs', async () => {
    r.api.fault({ route: PERMISSION, status: 502, times: 1 });
    const run = await runInProcess(r, commentEvent(r, '/help'));
    expect(run.error).toBeUndefined();
    expect(run.outputs).toEqual({ command: 'help', state: 'done' });
    const asked = run.calls.filter((c) => c.route === PERMISSION).map((c) => c.status);
    expect(asked).toEqual([502, 200]);
    expect(run.calls[0]?.route).toBe(PERMISSION);
    expect(run.calls[1]?.route).toBe(PERMISSION);
  });
});
