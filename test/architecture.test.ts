// The import-boundary rule of docs/architecture.md: a core (every folder of src/ that is not an
// edge) never imports node:child_process, node:fs, @actions/*, octokit, src/github or src/process
// (it touches files through src/fs and takes a process runner such as `Git` as an argument). The import graph is
// read from the sources with TypeScript's own pre-processor (static, type-only, re-exports and
// dynamic `import()`). EXCEPTIONS is the shrinking list of cores that still do: a stale entry
// fails as surely as a new violation.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './harness/runner.js';

/** The edge of src/: the only places that may run processes or talk to the runner or GitHub. */
const EDGES = [
  'src/actions/',
  'src/cli/',
  'src/entries/',
  'src/github/',
  'src/fs/',
  'src/process/',
  'src/ai/',
  'src/main.ts',
];

/** `<file> -> <import>`: why each still crosses the boundary. Remove an entry when its I/O moves out. */
const EXCEPTIONS: Record<string, string> = {};

/** src-relative file → what it imports (resolved `src/...` paths, or bare specifiers). */
type ImportGraph = Map<string, string[]>;

function isCore(file: string): boolean {
  return file.startsWith('src/') && !EDGES.some((edge) => file === edge || file.startsWith(edge));
}

function forbidden(target: string): boolean {
  const bare = target.replace(/^node:/, '');
  return (
    bare === 'child_process' ||
    bare === 'fs' ||
    bare === 'fs/promises' ||
    target.startsWith('src/process/') ||
    target.startsWith('@actions/') ||
    target === 'octokit' ||
    target.startsWith('@octokit/') ||
    target.startsWith('src/github/')
  );
}

/** Every `<core file> -> <forbidden import>` in the graph, sorted. */
function boundaryViolations(graph: ImportGraph): string[] {
  const found: string[] = [];
  for (const [file, imports] of graph) {
    if (!isCore(file)) continue;
    for (const target of imports) if (forbidden(target)) found.push(`${file} -> ${target}`);
  }
  return found.sort();
}

/** The import graph of every .ts file under `dir` (paths relative to `root`). */
function importGraph(root: string, dir = 'src'): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const entry of readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.ts') || entry.endsWith('.d.ts')) continue;
    const file = posix.join(dir, entry.split('\\').join('/'));
    const info = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    graph.set(
      file,
      info.importedFiles.map(({ fileName }) =>
        fileName.startsWith('.')
          ? posix.normalize(posix.join(posix.dirname(file), fileName)).replace(/\.js$/, '.ts')
          : fileName,
      ),
    );
  }
  return graph;
}

describe('import boundary: cores do no process, file-system, runner or GitHub I/O', () => {
  it('src/ crosses the boundary only where EXCEPTIONS says why', () => {
    const graph = importGraph(ROOT);
    expect(graph.size).toBeGreaterThan(100);
    expect(boundaryViolations(graph)).toEqual(Object.keys(EXCEPTIONS).sort());
    for (const [edge, why] of Object.entries(EXCEPTIONS)) expect(why.length, edge).toBeGreaterThan(20);
  });

  it('flags a core importing child_process, fs, @actions/*, octokit, src/github or src/process, and lets edges', () => {
    const graph: ImportGraph = new Map([
      ['src/gate/run.ts', ['node:child_process', '../x', 'node:fs', 'zod', 'node:path', 'src/fs/read.ts']],
      [
        'src/codegen/write.ts',
        ['fs/promises', 'node:fs/promises', 'fs', 'src/process/git.ts', 'src/scm/git.ts'],
      ],
      ['src/plan/sync.ts', ['@actions/core', 'src/github/client.ts', 'src/plan/graph.ts']],
      ['src/render/markdown.ts', ['octokit', '@octokit/rest', 'child_process']],
      ['src/errors.ts', ['@actions/github']],
      ['src/actions/gate.ts', ['@actions/core', 'src/github/client.ts', 'node:child_process', 'node:fs']],
      ['src/fs/read.ts', ['node:fs']],
      ['src/process/git.ts', ['node:child_process', 'src/scm/git.ts']],
      ['src/github/client.ts', ['@octokit/plugin-retry']],
      ['src/main.ts', ['@actions/core']],
    ]);
    expect(boundaryViolations(graph)).toEqual([
      'src/codegen/write.ts -> fs',
      'src/codegen/write.ts -> fs/promises',
      'src/codegen/write.ts -> node:fs/promises',
      'src/codegen/write.ts -> src/process/git.ts',
      'src/errors.ts -> @actions/github',
      'src/gate/run.ts -> node:child_process',
      'src/gate/run.ts -> node:fs',
      'src/plan/sync.ts -> @actions/core',
      'src/plan/sync.ts -> src/github/client.ts',
      'src/render/markdown.ts -> @octokit/rest',
      'src/render/markdown.ts -> child_process',
      'src/render/markdown.ts -> octokit',
    ]);
  });

  it('reads static, type-only, re-exported and dynamic imports from the source', () => {
    // A deliberate violation in a scratch tree laid out like src/: every import form the rule must see.
    const root = mkdtempSync(join(tmpdir(), 'shipkit-architecture-'));
    mkdirSync(join(root, 'src/gate'), { recursive: true });
    writeFileSync(
      join(root, 'src/gate/core.ts'),
      [
        "import { execFile } from 'node:child_process';",
        "import type { Dirent } from 'node:fs';",
        "import { localGit } from '../process/git.js';",
        "import type { GitHub } from '../github/client.js';",
        "export { readRunContext } from '../github/context.js';",
        'export async function violate(github: GitHub) {',
        "  const core = await import('@actions/core');",
        "  const { proposeChanges } = await import('../github/propose.js');",
        "  const { readFile } = await import('node:fs/promises');",
        '  return [execFile, core, proposeChanges, github, readFile, localGit] as Dirent[];',
        '}',
      ].join('\n'),
    );
    expect(boundaryViolations(importGraph(root))).toEqual([
      'src/gate/core.ts -> @actions/core',
      'src/gate/core.ts -> node:child_process',
      'src/gate/core.ts -> node:fs',
      'src/gate/core.ts -> node:fs/promises',
      'src/gate/core.ts -> src/github/client.ts',
      'src/gate/core.ts -> src/github/context.ts',
      'src/gate/core.ts -> src/github/propose.ts',
      'src/gate/core.ts -> src/process/git.ts',
    ]);
  });
});
