import { ShipkitError } from '../errors.js';
import { type Change, cancelReverts, parseCommit } from './conventional.js';
import { type Git, listTags, resolveCommit } from '../scm/git.js';
import { authorsBefore, readLog } from './git.js';
import { applyBump, isPrerelease, type Version } from './semver.js';
import { previousTag, type ReleaseTag, releaseTags, versionOfTag } from './tags.js';

export interface HistoryOptions {
  git: Git;
  /** The pushed tag, e.g. `v1.3.0` or `pkg@1.3.0`. */
  tag: string;
  prefix: string;
  /** Only commits touching these paths count (a monorepo package). */
  paths?: string[];
  /** Overrides the previous tag chosen by semver order (`--from`). */
  from?: string;
  /** The ref whose commits are read when it differs from the tag (`--to HEAD`). */
  to?: string;
  knownTypes: ReadonlySet<string>;
  /**
   * `to` is not a release tag (`--to HEAD`): the version is not known yet. The previous release is
   * the highest of the prefix (or `from`), and `version` is a placeholder until the bump is known.
   */
  unreleased?: boolean;
  /** Read the authors before the previous tag, to tell first-time contributors. */
  withEarlierAuthors?: boolean;
}

export interface ReleaseHistory {
  tag: string;
  version: Version;
  commit: string;
  previous: ReleaseTag | undefined;
  /** The previous stable release: what the bump is checked against. */
  previousStable: ReleaseTag | undefined;
  changes: Change[];
  commitCount: number;
  /** Lower-cased emails of this release's authors who also authored commits before the previous tag. */
  earlierAuthors: Set<string>;
}

/** Reads the commits of one release: previous tag by semver order, one streamed `git log`. */
export async function readReleaseHistory(options: HistoryOptions): Promise<ReleaseHistory> {
  const { git, tag, prefix } = options;
  const to = options.to ?? tag;
  // Three small git calls at once: the tags, the commit of `to`, the commit of `from`.
  const [allTags, commit, fromCommit] = await Promise.all([
    listTags(git),
    resolveCommit(git, to),
    options.from === undefined ? undefined : resolveCommit(git, options.from),
  ]);
  const tags = releaseTags(allTags, prefix);
  const version = options.unreleased ? placeholderVersion(tags) : versionOfTag(tag, prefix);
  if (!version) {
    throw new ShipkitError(
      `tag ${JSON.stringify(tag)} is not a release tag: expected ${prefix}<semver>, e.g. ${prefix}1.2.3`,
      {
        hint:
          prefix && !tag.startsWith(prefix)
            ? `Set \`release.tag_prefix\` (or --tag-prefix) to the prefix your tags use; it is ${JSON.stringify(prefix)}.`
            : 'Push a tag whose version follows semver.org (MAJOR.MINOR.PATCH, optional -prerelease).',
      },
    );
  }
  if (!commit) {
    throw new ShipkitError(`${to} names no commit in ${git.dir}`, {
      hint: 'Fetch the tags (actions/checkout with `fetch-depth: 0`, or `git fetch --tags`).',
    });
  }
  let previous: ReleaseTag | undefined;
  if (options.from !== undefined) {
    if (!fromCommit)
      throw new ShipkitError(`--from ${options.from} names no commit`, {
        hint: 'Name an existing tag or ref.',
      });
    previous = {
      name: options.from,
      version: versionOfTag(options.from, prefix) ?? version,
      commit: fromCommit,
    };
  } else {
    previous = previousTag(tags, version);
  }
  const previousStable = isPrerelease(version)
    ? (previousTag(tags, { ...version, prerelease: [] }) ?? previous)
    : previous;
  const range = previous ? `${previous.commit}..${commit}` : commit;
  const changes: Change[] = [];
  const parse = { knownTypes: options.knownTypes };
  const commitCount = await readLog(git, { range, paths: options.paths }, (raw) => {
    for (const c of parseCommit(raw, parse)) changes.push(c);
  });
  // Of this release's authors, those seen before the previous tag (the others are first-time contributors).
  let earlierAuthors = new Set<string>();
  if (options.withEarlierAuthors && previous) {
    const emails = new Set<string>();
    for (const c of changes) {
      emails.add(c.author.email.toLowerCase());
      for (const p of c.coAuthors) emails.add(p.email.toLowerCase());
    }
    earlierAuthors = await authorsBefore(git, previous.commit, emails);
  }
  return {
    tag,
    version,
    commit,
    previous,
    previousStable,
    changes: cancelReverts(changes),
    commitCount,
    earlierAuthors,
  };
}

/** Above every stable release of the prefix, so the highest one is the previous release. */
function placeholderVersion(tags: ReleaseTag[]): Version {
  const stable = tags.find((t) => !isPrerelease(t.version));
  return applyBump(stable?.version ?? { major: 0, minor: 0, patch: 0, prerelease: [], build: '' }, 'major');
}
