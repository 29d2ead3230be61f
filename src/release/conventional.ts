import type { RawCommit } from './git.js';

/** A person who wrote a change: the commit author or a Co-authored-by trailer. */
export interface Person {
  name: string;
  email: string;
}

/** One change as the notes show it. A squash commit can hold several. */
export interface Change {
  sha: string;
  /** Conventional type in lower case; undefined when the message is not a Conventional Commit. */
  type: string | undefined;
  scope: string | undefined;
  subject: string;
  breaking: boolean;
  /** Descriptions from `BREAKING CHANGE:` footers (or the subject of a `!` commit without one). */
  breakingNotes: string[];
  pr: number | null;
  author: Person;
  coAuthors: Person[];
  /** The sha a revert names (`This reverts commit <sha>.`). */
  reverts?: string;
  time: number;
}

const HEADER = /^([a-zA-Z][\w-]*)(?:\(([^()\r\n]*)\))?(!)?:[ \t]+(.+)$/;
const BODY_LINE = /^(?:[*-][ \t]+)?([a-zA-Z][\w-]*)(?:\(([^()\r\n]*)\))?(!)?:[ \t]+(.+)$/;
const PR_SUFFIX = /\s*\(#(\d+)\)\s*$/;
const MERGE_PR = /^Merge pull request #(\d+) from \S+/;
const MERGE_OTHER = /^Merge (?:branch|remote-tracking branch|tag|commit) /;
const GITHUB_REVERT = /^Revert "(.+)"$/;
const REVERTS = /This reverts commit ([0-9a-f]{7,40})/;
const FOOTER = /^(BREAKING[ -]CHANGE|[A-Za-z][\w-]*)(?::[ \t]+| #)(.*)$/;

const NO_FOOTERS: { footers: number; notes: string[]; coAuthors: Person[] } = {
  footers: 0,
  notes: [],
  coAuthors: [],
};

export interface ParseOptions {
  /** Types whose lines in a squash body become changes of their own (e.g. feat, fix). */
  knownTypes: ReadonlySet<string>;
}

/**
 * Parses one commit into the changes it brings: usually one; a squash commit whose body lists
 * several Conventional Commit lines brings one per line; a plain `Merge branch` commit none.
 * A message that is not a Conventional Commit becomes a change without a type, never dropped.
 */
export function parseCommit(commit: RawCommit, options: ParseOptions): Change[] {
  const text = (
    commit.message.includes('\r') ? commit.message.replace(/\r\n/g, '\n') : commit.message
  ).trim();
  const nl = text.indexOf('\n');
  let subject = (nl === -1 ? text : text.slice(0, nl)).trim();
  let body = nl === -1 ? '' : text.slice(nl + 1).trim();
  let pr: number | null = null;

  if (commit.parents.length > 1) {
    const m = MERGE_PR.exec(subject);
    if (m) {
      // GitHub's merge commit: the PR title is the body's first line.
      pr = Number(m[1]);
      const bl = body.indexOf('\n');
      subject = (bl === -1 ? body : body.slice(0, bl)).trim() || subject;
      body = bl === -1 ? '' : body.slice(bl + 1).trim();
    } else if (MERGE_OTHER.test(subject)) {
      return [];
    }
  }
  const prInSubject = PR_SUFFIX.exec(subject);
  if (prInSubject) {
    pr ??= Number(prInSubject[1]);
    subject = subject.slice(0, prInSubject.index);
  }

  const { footers, notes, coAuthors } = body ? readFooters(body) : NO_FOOTERS;
  const author = { name: commit.authorName, email: commit.authorEmail };
  const base = { sha: commit.sha, pr, author, coAuthors, time: commit.time };
  const maybeRevert = subject.charCodeAt(0) === 82 || subject.charCodeAt(0) === 114; // R or r
  const revert = maybeRevert && body ? REVERTS.exec(body)?.[1] : undefined;
  const header = HEADER.exec(subject);
  const githubRevert = maybeRevert && !header ? GITHUB_REVERT.exec(subject) : null;

  let first: Change;
  if (header) {
    const type = (header[1] ?? '').toLowerCase();
    const breaking = header[3] === '!' || notes.length > 0;
    first = {
      ...base,
      type,
      scope: header[2] || undefined,
      subject: (header[4] ?? '').trim(),
      breaking,
      breakingNotes: notes.length > 0 ? notes : breaking ? [(header[4] ?? '').trim()] : [],
    };
  } else if (githubRevert) {
    first = {
      ...base,
      type: 'revert',
      scope: undefined,
      subject: githubRevert[1] ?? subject,
      breaking: false,
      breakingNotes: [],
    };
  } else {
    first = {
      ...base,
      type: undefined,
      scope: undefined,
      subject,
      breaking: notes.length > 0,
      breakingNotes: notes,
    };
  }
  if (revert && first.type === 'revert') first.reverts = revert;
  const changes = [first];
  if (!body) return changes;
  for (const extra of squashLines(body, footers, options)) {
    if (extra.type === first.type && extra.subject === first.subject && extra.scope === first.scope) continue;
    changes.push({ ...base, ...extra, breakingNotes: extra.breaking ? [extra.subject] : [] });
  }
  return changes;
}

/** Conventional lines in a squash body (`* fix(api): …`), before the footers. */
function squashLines(
  body: string,
  footerStart: number,
  options: ParseOptions,
): { type: string; scope: string | undefined; subject: string; breaking: boolean }[] {
  const out: { type: string; scope: string | undefined; subject: string; breaking: boolean }[] = [];
  const lines = body.split('\n');
  for (let i = 0; i < Math.min(lines.length, footerStart); i++) {
    const m = BODY_LINE.exec((lines[i] ?? '').trim());
    if (!m) continue;
    const type = (m[1] ?? '').toLowerCase();
    if (!options.knownTypes.has(type)) continue;
    out.push({
      type,
      scope: m[2] || undefined,
      subject: (m[4] ?? '').replace(PR_SUFFIX, '').trim(),
      breaking: m[3] === '!',
    });
  }
  return out;
}

/**
 * The trailers of a message: the last paragraph when each of its lines starts a `Token: value`
 * footer (continuation lines allowed), plus `BREAKING CHANGE:` footers wherever they start.
 * `footers` is the body line where the trailer block begins.
 */
function readFooters(body: string): { footers: number; notes: string[]; coAuthors: Person[] } {
  const lines = body.split('\n');
  const notes: string[] = [];
  const coAuthors: Person[] = [];
  let footers = lines.length;
  // BREAKING CHANGE footers may sit anywhere after the subject; their text runs to the next footer.
  for (let i = 0; i < lines.length; i++) {
    const m = FOOTER.exec(lines[i] ?? '');
    if (!m || !/^BREAKING[ -]CHANGE$/.test(m[1] ?? '')) continue;
    footers = Math.min(footers, i);
    const text = [m[2] ?? ''];
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j] ?? '';
      if (FOOTER.test(next) && !/^\S+:\/\//.test(next)) break;
      text.push(next);
      i = j;
    }
    notes.push(text.join('\n').trim());
  }
  let start = lines.length;
  while (start > 0 && (lines[start - 1] ?? '').trim() !== '') start--;
  const block = lines.slice(start);
  if (block.length > 0 && FOOTER.test(block[0] ?? '')) {
    footers = Math.min(footers, start);
    for (const line of block) {
      const m = /^Co-authored-by:\s*(.+?)\s*<([^>]*)>\s*$/i.exec(line);
      if (m) coAuthors.push({ name: m[1] ?? '', email: m[2] ?? '' });
    }
  }
  return { footers, notes, coAuthors };
}

/**
 * Drops a revert together with the change it reverts when both are in the range; a revert of
 * something released earlier stays (under Reverts).
 */
export function cancelReverts(changes: Change[]): Change[] {
  const shas = new Set(changes.map((c) => c.sha));
  const cancelled = new Set<string>();
  for (const c of changes) {
    if (!c.reverts) continue;
    const target = [...shas].find((s) => s.startsWith(c.reverts ?? '\0'));
    if (target && !cancelled.has(c.sha)) {
      cancelled.add(target);
      cancelled.add(c.sha);
    }
  }
  return cancelled.size === 0 ? changes : changes.filter((c) => !cancelled.has(c.sha));
}
