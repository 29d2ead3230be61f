// The release job's reading of git history, over the `Git` interface the edge passes in.
import type { Git } from '../scm/git.js';

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
  /** Revision range, e.g. `v1.2.0..v1.3.0`, or a single ref for the whole history up to it. */
  range: string;
  /** Only commits touching these paths (a package of a monorepo). */
  paths?: string[];
}

/**
 * Streams `git log` once for the whole range and hands each commit to `onCommit` as soon as its
 * record is complete: one process however many commits, memory bounded by the largest message.
 */
export async function readLog(
  git: Git,
  options: LogOptions,
  onCommit: (c: RawCommit) => void,
): Promise<number> {
  const args = ['log', '-z', '--topo-order', FORMAT, options.range, '--'];
  if (options.paths) args.push(...options.paths);
  // Records are cut on NUL bytes in the raw stream and decoded one by one (UTF-8 never holds a NUL byte).
  let carry: Buffer | undefined;
  let count = 0;
  await git.stream(args, (chunk) => {
    const data = carry ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let end = data.indexOf(0, start); end !== -1; end = data.indexOf(0, start)) {
      onCommit(parseRecord(data.toString('utf8', start, end)));
      count++;
      start = end + 1;
    }
    carry = start < data.length ? data.subarray(start) : undefined;
    return undefined;
  });
  const rest = carry?.toString('utf8') ?? '';
  if (rest.trim()) {
    onCommit(parseRecord(rest));
    count++;
  }
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

/**
 * Which of `emails` (lower case) authored a commit reachable from `ref`: one streamed `git log`
 * that stops as soon as every one is found, so regular contributors cost a short walk and only a
 * genuine newcomer makes git read the whole history.
 */
export async function authorsBefore(
  git: Git,
  ref: string,
  emails: ReadonlySet<string>,
): Promise<Set<string>> {
  const found = new Set<string>();
  if (emails.size === 0) return found;
  let pending = '';
  await git.stream(
    ['log', '--format=%ae', ref],
    (chunk) => {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const e = line.toLowerCase();
        if (emails.has(e)) found.add(e);
      }
      return found.size === emails.size ? 'stop' : undefined;
    },
    { allowFail: true },
  );
  return found;
}
