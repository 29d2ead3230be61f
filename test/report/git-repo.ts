// A real git repository for the report tests, built with `git fast-import` at chosen dates.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DatedCommit {
  subject: string;
  /** Committer (and author) time, ISO. */
  at: string;
  /** Author date when it differs (a rebased commit: old author date, new committer date). */
  authoredAt?: string;
  email?: string;
  files?: Record<string, string>;
  /** Index (0-based) of a commit on `side` merged by this one. */
  merge?: number;
  branch?: 'main' | 'side';
  /** Annotated tag made at `tagAt` (default: the commit time). */
  tag?: { name: string; at?: string };
}

const secs = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** The repository, with `main` checked out; `data` files go on an orphan branch `shipkit-data`. */
export function datedRepo(commits: DatedCommit[], data: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipkit-report-'));
  const out: string[] = [];
  const last = new Map<string, number>();
  commits.forEach((c, i) => {
    const mark = i + 1;
    const branch = c.branch ?? 'main';
    const email = c.email ?? 'ada@example.com';
    const msg = Buffer.from(`${c.subject}\n`, 'utf8');
    out.push(`commit refs/heads/${branch}\nmark :${mark}\n`);
    out.push(
      `author A <${email}> ${secs(c.authoredAt ?? c.at)} +0000\ncommitter A <${email}> ${secs(c.at)} +0000\n`,
    );
    out.push(`data ${msg.length}\n${msg.toString('utf8')}`);
    const prev = last.get(branch);
    if (prev !== undefined) out.push(`from :${prev}\n`);
    if (c.merge !== undefined) out.push(`merge :${c.merge + 1}\n`);
    for (const [path, content] of Object.entries(c.files ?? { [`f${i}.txt`]: `${i}\n` })) {
      out.push(`M 100644 inline ${path}\ndata ${Buffer.byteLength(content)}\n${content}\n`);
    }
    out.push('\n');
    last.set(branch, mark);
    if (c.tag) {
      out.push(
        `tag ${c.tag.name}\nfrom :${mark}\ntagger T <t@example.com> ${secs(c.tag.at ?? c.at)} +0000\ndata 4\nrel\n\n`,
      );
    }
  });
  const files = Object.entries(data);
  if (files.length > 0) {
    out.push('commit refs/heads/shipkit-data\ncommitter D <d@example.com> 1760000000 +0000\ndata 5\ndata\n');
    for (const [path, content] of files)
      out.push(`M 100644 inline ${path}\ndata ${Buffer.byteLength(content)}\n${content}\n`);
    out.push('\n');
  }
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: out.join('') });
  execFileSync('git', ['checkout', '-q', '-f', 'main'], { cwd: dir });
  return dir;
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
}
