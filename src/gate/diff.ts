import { ShipkitError } from '../errors.js';

/** One file of a pull request's diff, in the head's line numbers. */
export interface DiffFile {
  /** Path at the head (for a deleted file: the path it had). */
  path: string;
  /** Path at the base when the file was renamed or copied. */
  oldPath?: string;
  status: 'added' | 'deleted' | 'modified' | 'renamed' | 'copied';
  binary: boolean;
  /** Head line numbers of lines the diff adds or changes, ascending. */
  added: number[];
  /** How many base lines the diff removes or changes. */
  removed: number;
  hunks: Hunk[];
}

export interface Hunk {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
  /** The head's text of the hunk's lines (context and added), from `newStart` on. */
  newText: string[];
  /** Line of the hunk header in the diff, for errors. */
  diffLine: number;
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * Parses a unified diff as `git diff` writes it (also plain `diff -u`): renames, copies, new and
 * deleted files, binary files, quoted paths, `\ No newline at end of file`. A diff whose hunks
 * do not add up is refused with the file and line where it goes wrong.
 */
export function parseUnifiedDiff(text: string, source = 'the diff'): DiffFile[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const files: DiffFile[] = [];
  let file: DiffFile | undefined;
  let oldName: string | undefined;
  const fail = (i: number, message: string, hint?: string): never => {
    throw new ShipkitError(message, {
      location: { file: source, line: i + 1 },
      hint: hint ?? 'Pass the output of `git diff BASE...HEAD` (unified format), unmodified.',
    });
  };
  const start = (path: string): DiffFile => {
    file = { path, status: 'modified', binary: false, added: [], removed: 0, hunks: [] };
    files.push(file);
    return file;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.startsWith('diff --git ')) {
      const [a, b] = gitHeaderPaths(line.slice('diff --git '.length)) ?? fail(i, 'unreadable diff header');
      start(stripPrefix(b));
      oldName = stripPrefix(a);
      if (oldName !== (file as DiffFile).path) (file as DiffFile).oldPath = oldName;
      continue;
    }
    if (line.startsWith('--- ')) {
      const next = lines[i + 1] ?? '';
      if (!next.startsWith('+++ ')) fail(i + 1, 'a `---` line without its `+++` line');
      const oldPath = parsePath(line.slice(4));
      const newPath = parsePath(next.slice(4));
      const current = file && file.hunks.length === 0 && !file.binary ? file : start(stripPrefix(newPath));
      if (oldPath === '/dev/null') current.status = 'added';
      if (newPath === '/dev/null') {
        current.status = 'deleted';
        current.path = stripPrefix(oldPath);
      } else current.path = stripPrefix(newPath);
      i++;
      continue;
    }
    if (!file) {
      if (line.startsWith('@@')) fail(i, 'a hunk before any file header');
      continue; // preamble: a commit message, `index` lines of a plain diff
    }
    if (line.startsWith('@@')) {
      i = readHunk(lines, i, file, fail) - 1;
      continue;
    }
    if (line.startsWith('new file mode')) file.status = 'added';
    else if (line.startsWith('deleted file mode')) file.status = 'deleted';
    else if (line.startsWith('rename from ')) {
      file.status = 'renamed';
      file.oldPath = parsePath(line.slice('rename from '.length));
    } else if (line.startsWith('rename to ')) file.path = parsePath(line.slice('rename to '.length));
    else if (line.startsWith('copy from ')) {
      file.status = 'copied';
      file.oldPath = parsePath(line.slice('copy from '.length));
    } else if (line.startsWith('copy to ')) file.path = parsePath(line.slice('copy to '.length));
    else if (line.startsWith('Binary files ') || line === 'GIT binary patch') {
      file.binary = true;
      if (line === 'GIT binary patch')
        while (i + 1 < lines.length && !lines[i + 1]?.startsWith('diff --git ')) i++;
    }
  }
  // Anything else (random bytes, a report given by mistake) would read as an empty change, and
  // patch coverage would pass with "n/a of 0 changed lines".
  if (text.includes('\0')) fail(0, 'binary data, not a unified diff');
  if (files.length === 0 && /\S/.test(text))
    fail(0, 'not a unified diff: no file header (`diff --git` or `---`/`+++`) in it');
  for (const f of files)
    if (f.status === 'modified' && f.oldPath && f.oldPath !== f.path) f.status = 'renamed';
  return files;
}

/** Reads one hunk from its `@@` line; returns the index after it. */
function readHunk(
  lines: string[],
  at: number,
  file: DiffFile,
  fail: (i: number, message: string, hint?: string) => never,
): number {
  const m = HUNK.exec(lines[at] as string) ?? fail(at, `malformed hunk header ${JSON.stringify(lines[at])}`);
  const hunk: Hunk = {
    oldStart: Number(m[1]),
    oldCount: m[2] === undefined ? 1 : Number(m[2]),
    newStart: Number(m[3]),
    newCount: m[4] === undefined ? 1 : Number(m[4]),
    newText: [],
    diffLine: at + 1,
  };
  let oldLeft = hunk.oldCount;
  let newLeft = hunk.newCount;
  let n = hunk.newStart;
  let i = at + 1;
  while (oldLeft > 0 || newLeft > 0) {
    if (i >= lines.length) {
      fail(
        i - 1,
        `the diff ends inside a hunk of ${file.path} (${oldLeft} old and ${newLeft} new lines missing)`,
        'The diff is truncated.',
      );
    }
    const line = lines[i] as string;
    const kind = line[0];
    if (kind === '\\') {
      i++;
      continue;
    }
    if (kind === '+') {
      if (newLeft === 0) break;
      file.added.push(n++);
      hunk.newText.push(line.slice(1));
      newLeft--;
    } else if (kind === '-') {
      if (oldLeft === 0) break;
      file.removed++;
      oldLeft--;
    } else if (kind === ' ' || line === '') {
      if (oldLeft === 0 || newLeft === 0) break;
      n++;
      hunk.newText.push(line.slice(1));
      oldLeft--;
      newLeft--;
    } else break;
    i++;
  }
  if (oldLeft > 0 || newLeft > 0) {
    fail(
      i,
      `hunk of ${file.path} at line ${at + 1} is short: ${oldLeft} old and ${newLeft} new lines missing`,
    );
  }
  while (lines[i]?.startsWith('\\')) i++;
  file.hunks.push(hunk);
  return i;
}

/** `a/x b/y` with optional C-style quoting; splits at the space that makes both sides agree. */
function gitHeaderPaths(rest: string): [string, string] | undefined {
  if (rest.startsWith('"')) {
    const end = quotedEnd(rest);
    const a = parsePath(rest.slice(0, end + 1));
    return [a, parsePath(rest.slice(end + 2))];
  }
  if (rest.endsWith('"')) {
    const startB = rest.lastIndexOf(' "');
    return [rest.slice(0, startB), parsePath(rest.slice(startB + 1))];
  }
  // Unquoted: when both names are equal, the split is in the middle.
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest.slice(2, half) === rest.slice(half + 3)) {
    return [rest.slice(0, half), rest.slice(half + 1)];
  }
  const sep = rest.indexOf(' b/');
  return sep < 0 ? undefined : [rest.slice(0, sep), rest.slice(sep + 1)];
}

function quotedEnd(s: string): number {
  for (let i = 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '"') return i;
  }
  return s.length - 1;
}

/** A path as git prints it: quoted with C escapes (octal bytes for UTF-8) when unusual; a tab ends it. */
function parsePath(raw: string): string {
  const s = raw.trimEnd();
  if (!s.startsWith('"')) return s.split('\t')[0] as string;
  const bytes: number[] = [];
  const escapes: Record<string, number> = { n: 10, t: 9, '"': 34, '\\': 92, a: 7, b: 8, f: 12, r: 13, v: 11 };
  for (let i = 1; i < s.length - 1; i++) {
    const c = s[i] as string;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c));
      continue;
    }
    const next = s[i + 1] as string;
    if (/[0-7]/.test(next)) {
      bytes.push(Number.parseInt(s.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      i++;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function stripPrefix(path: string): string {
  return /^[abciwo12]\//.test(path) ? path.slice(2) : path;
}
