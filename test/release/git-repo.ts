// Builds real git repositories for the release tests with `git fast-import` (one process).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FakeCommit {
  message: string;
  author?: { name: string; email: string };
  /** Lightweight tags on this commit. */
  tags?: string[];
  /** Files changed (path → content); default: one line appended to a log file. */
  files?: Record<string, string>;
  /** Mark of a second parent (a merge); marks are 1-based commit indexes. */
  merge?: number;
  branch?: string;
}

/** A fast-import stream for commits on `main` (or `branch`), one second apart. */
export function fastImportStream(commits: FakeCommit[], start = 1_700_000_000): string {
  const parts: string[] = [];
  const last = new Map<string, number>();
  commits.forEach((c, i) => {
    const mark = i + 1;
    const branch = c.branch ?? 'main';
    const a = c.author ?? { name: 'Ada Lovelace', email: 'ada@example.com' };
    const msg = Buffer.from(c.message, 'utf8');
    parts.push(`commit refs/heads/${branch}\nmark :${mark}\n`);
    parts.push(
      `author ${a.name} <${a.email}> ${start + i} +0000\ncommitter ${a.name} <${a.email}> ${start + i} +0000\n`,
    );
    parts.push(`data ${msg.length}\n${c.message}\n`);
    const prev = last.get(branch);
    if (prev !== undefined) parts.push(`from :${prev}\n`);
    if (c.merge !== undefined) parts.push(`merge :${c.merge}\n`);
    const files = c.files ?? { 'log.txt': `${i}\n` };
    for (const [path, content] of Object.entries(files)) {
      const data = Buffer.from(content, 'utf8');
      parts.push(`M 100644 inline ${path}\ndata ${data.length}\n${content}\n`);
    }
    parts.push('\n');
    last.set(branch, mark);
    for (const tag of c.tags ?? []) parts.push(`reset refs/tags/${tag}\nfrom :${mark}\n\n`);
  });
  return parts.join('');
}

/** A new repository holding `commits` (the first dated `start`), with `main` checked out. */
export function makeRepo(
  commits: FakeCommit[],
  dir = mkdtempSync(join(tmpdir(), 'shipkit-release-')),
  start?: number,
): string {
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: fastImportStream(commits, start) });
  execFileSync('git', ['checkout', '-q', '-f', 'main'], { cwd: dir });
  return dir;
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
}
