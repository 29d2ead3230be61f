import { join } from 'node:path';
import type { ReleaseConfig } from '../config/sections/release.js';
import type { Git } from '../scm/git.js';
import { checkBump, requiredBump } from './bump.js';
import { insertSection } from './changelog.js';
import { type ReleaseHistory, readReleaseHistory } from './history.js';
import { buildNotes, type ReleaseNotes, type RepoLinks } from './notes.js';
import type { SectionRules } from './sections.js';
import { applyBump, type Bump, formatVersion } from './semver.js';
import { renderNotes } from './template.js';
import { type FileReader, type FileUpdate, versionFileUpdates, workingTreeReader } from './version-files.js';

/** Looks up PR numbers for commits whose subject names none (batched; see github/release-prs.ts). */
export type PrLookup = (shas: string[]) => Promise<{ prs: Map<string, number>; logins: Map<string, string> }>;

export interface PrepareOptions {
  /** The working tree: templates and version files are read relative to it. */
  cwd: string;
  git: Git;
  tag: string;
  config: ReleaseConfig;
  /** `--from`/`--to` of the CLI. */
  from?: string;
  to?: string;
  /** `to` is not a release tag: the version is the previous one bumped as the commits require. */
  unreleased?: boolean;
  /** Overrides `release.path` / `release.tag_prefix`. */
  path?: string;
  prefix?: string;
  links?: RepoLinks;
  lookupPrs?: PrLookup;
  /**
   * Reads a file as it is where the updates go (the default branch), so a re-run after the
   * release commit finds them done. Default: the working tree.
   */
  readFile?: FileReader;
  /** YYYY-MM-DD; today (UTC) when omitted. */
  date?: string;
  /**
   * `release notes` only shows the notes: a tag smaller than the commits require is a warning there.
   * The pipeline (the action, `release changelog`) refuses it unless `release.allow_smaller_bump`.
   */
  smallerBump?: 'refuse' | 'warn';
  warn: (m: string) => void;
}

export interface PreparedRelease {
  history: ReleaseHistory;
  bump: Bump;
  required: Bump;
  notes: ReleaseNotes;
  markdown: string;
  /** CHANGELOG.md and version files to write; empty when a re-run finds them done. */
  updates: FileUpdate[];
}

export function sectionRules(config: ReleaseConfig): SectionRules {
  return { sections: config.sections, hidden: config.hidden, otherHeading: config.other_heading };
}

/** read → model → decide → render: everything a release needs short of publishing it. */
export async function prepareRelease(o: PrepareOptions): Promise<PreparedRelease> {
  const { config } = o;
  const rules = sectionRules(config);
  const prefix = o.prefix ?? config.tag_prefix;
  const path = o.path ?? config.path;
  const knownTypes = new Set([...Object.keys(config.sections), ...config.hidden, 'revert']);
  const history = await readReleaseHistory({
    git: o.git,
    tag: o.tag,
    prefix,
    paths: path ? [path] : undefined,
    from: o.from,
    to: o.to,
    unreleased: o.unreleased,
    knownTypes,
    withEarlierAuthors: true,
  });
  const rulesOf0x = { initialDevelopment: config.initial_development, featuresIn0x: config.features_in_0x };
  const required = requiredBump(history.changes, history.previousStable?.version, rulesOf0x);
  if (o.unreleased) {
    const from = history.previousStable?.version;
    history.version = from
      ? applyBump(from, required)
      : { major: 0, minor: 1, patch: 0, prerelease: [], build: '' };
  }
  const bump = o.unreleased
    ? required
    : checkBump({
        required,
        previous: history.previousStable?.version,
        version: history.version,
        changes: history.changes,
        tag: o.tag,
        previousTag: history.previousStable?.name,
        allowSmaller: config.allow_smaller_bump,
        warnOnly: o.smallerBump === 'warn',
        warn: o.warn,
      });
  const missing = [...new Set(history.changes.filter((c) => c.pr === null).map((c) => c.sha))];
  const found = o.lookupPrs && missing.length > 0 ? await o.lookupPrs(missing) : undefined;
  const version = formatVersion(history.version);
  const notes = buildNotes({
    version,
    tag: o.tag,
    previous: history.previous?.name,
    bump,
    date: o.date ?? new Date().toISOString().slice(0, 10),
    changes: history.changes,
    rules,
    earlierAuthors: history.earlierAuthors,
    prs: found?.prs,
    logins: found?.logins,
    links: o.links,
  });
  const template = config.template ? join(o.cwd, config.template) : undefined;
  const markdown = await renderNotes(notes, template);
  const updates = await fileUpdates(o.readFile ?? workingTreeReader(o.cwd), config, version, markdown);
  return { history, bump, required, notes, markdown, updates };
}

async function fileUpdates(
  read: FileReader,
  config: ReleaseConfig,
  version: string,
  markdown: string,
): Promise<FileUpdate[]> {
  const updates: FileUpdate[] = [];
  const current = (await read(config.changelog)) ?? '';
  const next = insertSection(current, version, markdown);
  if (next !== current) updates.push({ path: config.changelog, content: next });
  const files = config.version_files.map((f) => (typeof f === 'string' ? { path: f } : f));
  // The default package.json only applies where there is one.
  const versioned = files.map((f) => ({ ...f, optional: f.path === 'package.json' && !f.marker }));
  updates.push(...(await versionFileUpdates(read, versioned, version)));
  return updates;
}
