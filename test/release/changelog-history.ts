// Rebuilds a project's exported log from a release-please / conventional-changelog CHANGELOG.md:
// per version (oldest first) one commit per entry, with the message the tool read, and a tag.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { FakeCommit } from './git-repo.js';

export interface ChangelogEntry {
  scope: string | null;
  subject: string;
  pr: number | null;
  sha: string;
}

export interface ChangelogVersion {
  version: string;
  /** Heading → entries, as committed. */
  sections: Map<string, ChangelogEntry[]>;
  breaking: ChangelogEntry[];
}

/** release-please's headings and the commit types behind them. */
export const HEADING_TYPES: Record<string, string> = {
  Features: 'feat',
  'Bug Fixes': 'fix',
  'Performance Improvements': 'perf',
  Reverts: 'revert',
  Chores: 'chore',
  Documentation: 'docs',
  Refactors: 'refactor',
  'Build System': 'build',
  Styles: 'style',
  Tests: 'test',
  'Continuous Integration': 'ci',
};

const ENTRY =
  /^\* (?:\*\*([^*]+):\*\* )?(.+?)(?: \(\[#(\d+)\]\([^)]*\)\))?(?: \(\[([0-9a-f]{7,40})\]\([^)]*\)\))?$/;

export function readChangelog(file: string): ChangelogVersion[] {
  const raw = readFileSync(file);
  const text = (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const versions: ChangelogVersion[] = [];
  for (const part of text.split(/^(?=## )/m).slice(1)) {
    const version = /^## \[?v?(\d+\.\d+\.\d+[^\]\s]*)/.exec(part)?.[1];
    if (!version) continue;
    const v: ChangelogVersion = { version, sections: new Map(), breaking: [] };
    let heading = '';
    for (const line of part.split('\n')) {
      const h = /^### (.+)$/.exec(line);
      if (h) {
        heading = (h[1] ?? '').trim();
        continue;
      }
      const m = ENTRY.exec(line);
      if (!m || !heading) continue;
      const entry = {
        scope: m[1] ?? null,
        subject: m[2] ?? '',
        pr: m[3] ? Number(m[3]) : null,
        sha: m[4] ?? '',
      };
      if (heading.includes('BREAKING')) v.breaking.push(entry);
      else {
        const list = v.sections.get(heading) ?? [];
        list.push(entry);
        v.sections.set(heading, list);
      }
    }
    versions.push(v);
  }
  return versions.reverse();
}

export interface CommitsOptions {
  /** Whether the version at this index (oldest first) gets its tag; default every version. */
  tagged?: (index: number) => boolean;
  /** The author of an entry's commit by its PR number (null: none, or the release commit); default git-repo's. */
  author?: (pr: number | null) => FakeCommit['author'];
}

/** The commits behind the changelog, oldest first, a tag `${prefix}${version}` on each version's last one. */
export function commitsOf(
  versions: ChangelogVersion[],
  prefix: string,
  { tagged = () => true, author = () => undefined }: CommitsOptions = {},
): FakeCommit[] {
  const commits: FakeCommit[] = [];
  for (const [index, v] of versions.entries()) {
    const breaking = new Set(v.breaking.map((b) => `${b.scope}|${b.subject}`));
    let n = 0;
    for (const [heading, entries] of v.sections) {
      const type = HEADING_TYPES[heading];
      if (!type) throw new Error(`unknown heading ${heading} in ${v.version}`);
      for (const e of entries) {
        const bang = breaking.has(`${e.scope}|${e.subject}`) ? '!' : '';
        const scope = e.scope ? `(${e.scope})` : '';
        const pr = e.pr ? ` (#${e.pr})` : '';
        commits.push({
          message: `${type}${scope}${bang}: ${e.subject}${pr}\n\nOriginal-commit: ${e.sha}\n`,
          author: author(e.pr),
        });
        n++;
      }
    }
    // A release without entries still has its release commit.
    if (n === 0) commits.push({ message: `chore(main): release ${v.version}\n`, author: author(null) });
    const last = commits[commits.length - 1];
    if (last && tagged(index)) last.tags = [...(last.tags ?? []), `${prefix}${v.version}`];
  }
  return commits;
}

/** The versions with every major raised by `by`: a copy of the history that can follow the original. */
export function shiftMajor(versions: ChangelogVersion[], by: number): ChangelogVersion[] {
  return versions.map((v) => ({
    ...v,
    version: v.version.replace(/^\d+/, (major) => String(Number(major) + by)),
  }));
}
