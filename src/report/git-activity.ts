import type { ReportConfig } from '../config/sections/report.js';
import { versionOfTag } from '../release/tags.js';
import type { ReportInputs } from './build.js';
import type { Release, ReportWindow } from './snapshot.js';
import { inWindow } from './window.js';

/**
 * What a local clone says about a week, from `git log` and the tags alone (no token): commits
 * reachable from the default branch with their committer date in the window, distinct authors,
 * the pull requests named in the subjects, release tags, and whether the documentation and the
 * changelog changed. The git calls are at the edge (src/cli/report-git.ts); this only counts.
 */

export interface LoggedCommit {
  sha: string;
  /** Committer time, seconds since the epoch. */
  committed: number;
  authorEmail: string;
  subject: string;
  /** Paths the commit changed (empty for a merge). */
  files: string[];
}

export interface LoggedTag {
  name: string;
  /** Tagger date of an annotated tag, committer date of a lightweight one (seconds). */
  created: number;
}

/** `(#123)` as squash merges write it, and `Merge pull request #123 from …` as merge commits do. */
const PR_REFERENCE = /\(#(\d+)\)|^Merge pull request #(\d+) /g;

export const PR_SOURCE =
  'distinct (#N) and "Merge pull request #N" references in the subjects of the window\u2019s commits';

function under(path: string, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => (p.endsWith('/') ? path.startsWith(p) : path === p));
}

export function gitActivity(
  commits: readonly LoggedCommit[],
  tags: readonly LoggedTag[],
  window: ReportWindow,
  settings: { ref: string; tagPrefix: string; changelog: string } & Pick<ReportConfig, 'documentation_paths'>,
): Pick<ReportInputs, 'activity' | 'releases' | 'changes'> {
  const inside = commits.filter((c) => inWindow(window, c.committed * 1000));
  const authors = new Set(inside.map((c) => c.authorEmail.toLowerCase()));
  const prs = new Set<number>();
  for (const c of inside) {
    for (const m of c.subject.matchAll(PR_REFERENCE)) prs.add(Number(m[1] ?? m[2]));
  }
  const docs = inside.filter((c) => c.files.some((f) => under(f, settings.documentation_paths)));
  const docFiles = new Set(
    docs.flatMap((c) => c.files.filter((f) => under(f, settings.documentation_paths))),
  );
  const changelog = inside.filter((c) => c.files.includes(settings.changelog)).length;
  const log = `git log ${settings.ref} (committer date in the window)`;
  const releases: Release[] = tags
    .filter(
      (t) => versionOfTag(t.name, settings.tagPrefix) !== undefined && inWindow(window, t.created * 1000),
    )
    .sort((a, b) => a.created - b.created || (a.name < b.name ? -1 : 1))
    .map((t) => ({ tag: t.name, date: new Date(t.created * 1000).toISOString().replace('.000Z', 'Z') }));
  return {
    activity: {
      commits: inside.length,
      authors: authors.size,
      pullRequestsMerged: prs.size,
      sources: {
        commits: log,
        authors: `${log}: distinct author emails (after .mailmap)`,
        pullRequestsMerged: PR_SOURCE,
      },
    },
    releases,
    changes: {
      documentation: {
        commits: docs.length,
        files: docFiles.size,
        source: `${log} -- ${settings.documentation_paths.join(' ')}`,
      },
      changelog: { commits: changelog, file: settings.changelog, source: `${log} -- ${settings.changelog}` },
    },
  };
}
