import type { Change } from './conventional.js';
import { type Contributor, contributors, groupChanges, type SectionRules } from './sections.js';
import type { Bump } from './semver.js';

/** Where links point: the repository on GitHub (or GHES); no links when unknown. */
export interface RepoLinks {
  serverUrl: string;
  owner: string;
  repo: string;
}

export interface NoteChange {
  sha: string;
  shortSha: string;
  type: string | null;
  scope: string | null;
  subject: string;
  breaking: boolean;
  breakingNotes: string[];
  pr: number | null;
  prUrl: string | null;
  commitUrl: string | null;
  author: string;
  authorLogin: string | null;
}

/** Everything the notes template sees. */
export interface ReleaseNotes {
  version: string;
  tag: string;
  previous: string | null;
  bump: Bump;
  date: string;
  compareUrl: string | null;
  breaking: NoteChange[];
  sections: { title: string; changes: NoteChange[] }[];
  contributors: Contributor[];
  firstTimeContributors: Contributor[];
}

export interface NotesInput {
  version: string;
  tag: string;
  previous: string | undefined;
  bump: Bump;
  /** YYYY-MM-DD of the release. */
  date: string;
  changes: Change[];
  rules: SectionRules;
  earlierAuthors: ReadonlySet<string>;
  /** PR numbers found on GitHub for commits whose subject names none (sha → number). */
  prs?: ReadonlyMap<string, number>;
  /** email (lower case) → GitHub login. */
  logins?: ReadonlyMap<string, string>;
  links?: RepoLinks;
}

/** The notes model: breaking changes first, sections in the configured order, contributors. */
export function buildNotes(input: NotesInput): ReleaseNotes {
  const base = input.links ? `${input.links.serverUrl}/${input.links.owner}/${input.links.repo}` : undefined;
  const logins = input.logins ?? new Map<string, string>();
  const note = (c: Change): NoteChange => {
    const pr = c.pr ?? input.prs?.get(c.sha) ?? null;
    return {
      sha: c.sha,
      shortSha: c.sha.slice(0, 7),
      type: c.type ?? null,
      scope: c.scope ?? null,
      subject: c.subject,
      breaking: c.breaking,
      breakingNotes: c.breakingNotes,
      pr,
      prUrl: base && pr !== null ? `${base}/pull/${pr}` : null,
      commitUrl: base ? `${base}/commit/${c.sha}` : null,
      author: c.author.name,
      authorLogin: logins.get(c.author.email.toLowerCase()) ?? null,
    };
  };
  const grouped = groupChanges(input.changes, input.rules);
  const people = contributors(input.changes, input.earlierAuthors, logins);
  return {
    version: input.version,
    tag: input.tag,
    previous: input.previous ?? null,
    bump: input.bump,
    date: input.date,
    compareUrl: base && input.previous ? `${base}/compare/${input.previous}...${input.tag}` : null,
    breaking: grouped.breaking.map(note),
    sections: grouped.sections.map((s) => ({ title: s.title, changes: s.changes.map(note) })),
    contributors: people,
    firstTimeContributors: input.previous ? people.filter((p) => p.firstTime) : [],
  };
}

/** The JSON of `shipkit release notes --json`: breaking changes stay in their section, flagged. */
export function notesJson(notes: ReleaseNotes) {
  return {
    version: notes.version,
    previous: notes.previous,
    bump: notes.bump,
    sections: notes.sections.map((s) => ({
      title: s.title,
      commits: s.changes.map((c) => ({
        sha: c.sha,
        subject: c.subject,
        scope: c.scope,
        pr: c.pr,
        breaking: c.breaking,
      })),
    })),
  };
}
