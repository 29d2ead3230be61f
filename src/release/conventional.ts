import type { RawCommit } from './git.js';

/** A person who wrote a change: the commit author or a Co-authored-by trailer. */
export interface Person {
  name: string;
  email: string;
}

/** One change as the notes show it. A commit with an override block can hold several. */
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
  /** Types whose `type!:` lines in a body make the commit breaking (e.g. feat, fix). */
  knownTypes: ReadonlySet<string>;
}

/**
 * Parses one commit into the changes it brings: one, under its header's type (the Conventional
 * lines a squash body lists are its branch's commits, not further changes); the lines of a
 * `BEGIN_COMMIT_OVERRIDE` block in the body instead, when it has one; none for a `Merge branch`
 * commit. A message that is not a Conventional Commit becomes a change without a type, never dropped.
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
  if (!body) return [first];
  const override = overrideLines(body);
  if (override) return withOutsideNotes(override, body).map((o) => ({ ...base, ...o }));
  // Conventional lines in the body (a squash commit's list of its branch commits) are not changes
  // of their own: the commit is listed once, under its header. A `!` line still makes it breaking.
  for (const line of bangLines(body, footers, options)) {
    first.breaking = true;
    if (!first.breakingNotes.includes(line)) first.breakingNotes.push(line);
  }
  return [first];
}

const OVERRIDE_BEGIN = 'BEGIN_COMMIT_OVERRIDE';
const OVERRIDE_END = 'END_COMMIT_OVERRIDE';
type Entry = Pick<Change, 'type' | 'scope' | 'subject' | 'breaking' | 'breakingNotes'> & { pr?: number };

/**
 * The changes of a `BEGIN_COMMIT_OVERRIDE` … `END_COMMIT_OVERRIDE` block (release-please's, written
 * in the PR description that becomes the squash commit's body): one per Conventional line, a line
 * that is not one continues the entry above it, `BREAKING CHANGE:` lines belong to the entry above.
 * Undefined when there is no block or it holds no Conventional line (the commit is read as usual).
 */
function overrideLines(body: string): Entry[] | undefined {
  const start = body.indexOf(OVERRIDE_BEGIN);
  if (start === -1) return undefined;
  const rest = body.slice(start + OVERRIDE_BEGIN.length);
  const end = rest.indexOf(OVERRIDE_END);
  const entries: Entry[] = [];
  let open = false;
  for (const raw of (end === -1 ? rest : rest.slice(0, end)).split('\n')) {
    const line = raw.trim();
    const last = entries[entries.length - 1];
    const footer = FOOTER.exec(line);
    if (last && footer && /^BREAKING[ -]CHANGE$/.test(footer[1] ?? '')) {
      last.breaking = true;
      last.breakingNotes = [
        ...last.breakingNotes.filter((n) => n !== last.subject),
        (footer[2] ?? '').trim(),
      ];
      open = false;
      continue;
    }
    const m = BODY_LINE.exec(line);
    if (m) {
      entries.push(entryOf(m));
      open = true;
    } else if (!line) open = false;
    else if (last && open) last.subject = `${last.subject} ${line}`;
  }
  for (const e of entries) {
    const pr = PR_SUFFIX.exec(e.subject);
    if (pr) {
      e.subject = e.subject.slice(0, pr.index);
      e.pr = Number(pr[1]);
    }
    if (e.breaking && e.breakingNotes.length === 0) e.breakingNotes = [e.subject];
  }
  return entries.length > 0 ? entries : undefined;
}

/**
 * `BREAKING CHANGE:` footers outside the block are kept (on the first entry): an override may
 * reword the notes, but a breaking change must not vanish from the bump with it.
 */
function withOutsideNotes(entries: Entry[], body: string): Entry[] {
  const start = body.indexOf(OVERRIDE_BEGIN);
  const end = body.indexOf(OVERRIDE_END, start);
  const outside = body.slice(0, start) + (end === -1 ? '' : body.slice(end + OVERRIDE_END.length));
  const { notes } = readFooters(outside);
  const first = entries[0];
  if (!first || notes.length === 0) return entries;
  const own = first.breaking ? first.breakingNotes.filter((n) => n !== first.subject) : [];
  return [{ ...first, breaking: true, breakingNotes: [...own, ...notes] }, ...entries.slice(1)];
}

function entryOf(m: RegExpExecArray): Entry {
  return {
    type: (m[1] ?? '').toLowerCase(),
    scope: m[2] || undefined,
    subject: (m[4] ?? '').trim(),
    breaking: m[3] === '!',
    breakingNotes: [],
  };
}

/** Subjects of `type!:` lines of known types in the body, before the footers. */
function bangLines(body: string, footerStart: number, options: ParseOptions): string[] {
  const out: string[] = [];
  const lines = body.split('\n');
  for (let i = 0; i < Math.min(lines.length, footerStart); i++) {
    const m = BODY_LINE.exec((lines[i] ?? '').trim());
    if (m?.[3] !== '!' || !options.knownTypes.has((m[1] ?? '').toLowerCase())) continue;
    out.push((m[4] ?? '').replace(PR_SUFFIX, '').trim());
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
