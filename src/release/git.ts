import { spawn } from 'node:child_process';
import { ShipkitError } from '../errors.js';

/** One commit as `git log` prints it. */
export interface RawCommit {
  sha: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  /** Author time, seconds since the epoch. */
  time: number;
  /** The whole message: subject, blank line, body, trailers. */
  message: string;
}

// Fields separated by US (0x1f); `-z` ends every record with NUL, which a commit message cannot hold.
const FORMAT = '--format=%H%x1f%P%x1f%an%x1f%ae%x1f%at%x1f%B';

export interface LogOptions {
  cwd: string;
  /** Revision range, e.g. `v1.2.0..v1.3.0`, or a single ref for the whole history up to it. */
  range: string;
  /** Only commits touching these paths (a package of a monorepo). */
  paths?: string[];
}

/**
 * Streams `git log` once for the whole range and hands each commit to `onCommit` as soon as its
 * record is complete: one process however many commits, memory bounded by the largest message.
 */
export async function readLog(options: LogOptions, onCommit: (c: RawCommit) => void): Promise<number> {
  const args = ['log', '-z', '--topo-order', FORMAT, options.range, '--'];
  if (options.paths) args.push(...options.paths);
  const child = spawn('git', args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  // Records are cut on NUL bytes in the raw stream and decoded one by one (UTF-8 never holds a NUL byte).
  let carry: Buffer | undefined;
  let count = 0;
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    stderr += d;
  });
  child.stdout.on('data', (chunk: Buffer) => {
    const data = carry ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let end = data.indexOf(0, start); end !== -1; end = data.indexOf(0, start)) {
      onCommit(parseRecord(data.toString('utf8', start, end)));
      count++;
      start = end + 1;
    }
    carry = start < data.length ? data.subarray(start) : undefined;
  });
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c ?? 1));
  });
  const rest = carry?.toString('utf8') ?? '';
  if (rest.trim()) {
    onCommit(parseRecord(rest));
    count++;
  }
  if (code !== 0) throw gitError(args, stderr, options.cwd);
  return count;
}

function parseRecord(record: string): RawCommit {
  const fields: string[] = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const end = record.indexOf('\x1f', start);
    fields.push(record.slice(start, end));
    start = end + 1;
  }
  const [sha = '', parents = '', authorName = '', authorEmail = '', time = '0'] = fields;
  return {
    sha: sha.replace(/^\n/, ''),
    parents: parents ? parents.split(' ') : [],
    authorName,
    authorEmail,
    time: Number(time),
    message: record.slice(start),
  };
}

/** Runs a short git command and returns its stdout. */
export async function git(
  cwd: string,
  args: string[],
  allowFail = false,
): Promise<{ code: number; out: string }> {
  const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    err += d;
  });
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', (e) =>
      reject(new ShipkitError(`cannot run git: ${e.message}`, { hint: 'Install git and put it on PATH.' })),
    );
    child.on('close', (c) => resolve(c ?? 1));
  });
  if (code !== 0 && !allowFail) throw gitError(args, err, cwd);
  return { code, out };
}

function gitError(args: string[], stderr: string, cwd: string): ShipkitError {
  const first = stderr.trim().split('\n')[0] ?? '';
  return new ShipkitError(`git ${args[0]} failed: ${first || 'no output'}`, {
    location: { file: cwd },
    hint: /shallow|unknown revision|bad revision/.test(stderr)
      ? 'Check out the full history and tags: actions/checkout with `fetch-depth: 0`.'
      : 'Run it in a git repository with the tags fetched.',
  });
}

/** Every tag with the commit it points at (annotated tags peeled). */
export async function listTags(cwd: string): Promise<{ name: string; commit: string }[]> {
  const { out } = await git(cwd, [
    'for-each-ref',
    'refs/tags',
    '--format=%(refname:strip=2)%00%(objectname)%00%(*objectname)',
  ]);
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [name = '', object = '', peeled = ''] = line.split('\0');
      return { name, commit: peeled || object };
    });
}

/** The commit a ref names, or undefined when it names nothing. */
export async function resolveCommit(cwd: string, ref: string): Promise<string | undefined> {
  const { code, out } = await git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], true);
  return code === 0 ? out.trim() : undefined;
}

/** Whether `commit` is reachable from `ref` (a tag on the default branch). */
export async function isAncestor(cwd: string, commit: string, ref: string): Promise<boolean> {
  const { code } = await git(cwd, ['merge-base', '--is-ancestor', commit, ref], true);
  return code === 0;
}

/** Reads a file as committed at `ref` (`git show ref:path`); undefined when the ref or file is missing. */
export function gitFileReader(cwd: string, ref: string): (path: string) => Promise<string | undefined> {
  return async (path) => {
    const { code, out } = await git(cwd, ['show', `${ref}:${path}`], true);
    return code === 0 ? out : undefined;
  };
}

/**
 * Which of `emails` (lower case) authored a commit reachable from `ref`: one streamed `git log`
 * that stops as soon as every one is found, so regular contributors cost a short walk and only a
 * genuine newcomer makes git read the whole history.
 */
export async function authorsBefore(
  cwd: string,
  ref: string,
  emails: ReadonlySet<string>,
): Promise<Set<string>> {
  const found = new Set<string>();
  if (emails.size === 0) return found;
  const child = spawn('git', ['log', '--format=%ae', ref], { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
  let pending = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    const lines = (pending + d).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const e = line.toLowerCase();
      if (emails.has(e)) found.add(e);
    }
    if (found.size === emails.size) child.kill();
  });
  await new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', () => resolve());
  });
  return found;
}
