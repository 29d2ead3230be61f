import type { ReleaseConfig } from '../config/sections/release.js';
import { requiredBump } from './bump.js';
import { type Change, cancelReverts, parseCommit } from './conventional.js';
import { type Git, listTags } from '../scm/git.js';
import { readLog } from './git.js';
import { buildNotes, type RepoLinks } from './notes.js';
import { sectionRules } from './prepare.js';
import { bumpBetween, formatVersion } from './semver.js';
import { type ReleaseTag, releaseTags } from './tags.js';
import { renderNotes } from './template.js';

export interface FullChangelogOptions {
  /** The repository; templates are read relative to it. */
  cwd: string;
  git: Git;
  config: ReleaseConfig;
  prefix?: string;
  path?: string;
  links?: RepoLinks;
  /** Date of each release (YYYY-MM-DD); default: the tagged commit's author date. */
  dateOf?: (tag: ReleaseTag) => string;
}

/**
 * The whole CHANGELOG.md from the history: one streamed `git log` from the newest release tag,
 * each commit filed under the release whose tag it first meets walking back (a linear history's
 * exact ranges; on merged branches the release that first contains it), every release rendered with
 * the notes template, newest first.
 */
export async function fullChangelog(o: FullChangelogOptions): Promise<string> {
  const { config } = o;
  const prefix = o.prefix ?? config.tag_prefix;
  const tags = releaseTags(await listTags(o.git), prefix);
  if (tags.length === 0) return '# Changelog\n';
  const byCommit = new Map<string, ReleaseTag>();
  // Highest version wins when one commit carries several tags (tags are sorted highest first).
  for (const t of tags) if (!byCommit.has(t.commit)) byCommit.set(t.commit, t);
  const buckets = new Map<string, Change[]>();
  const authors = new Map<string, string[]>();
  const times = new Map<string, number>();
  const knownTypes = new Set([...Object.keys(config.sections), ...config.hidden, 'revert']);
  let current: ReleaseTag | undefined;
  const newest = tags[0] as ReleaseTag;
  const path = o.path ?? config.path;
  await readLog(o.git, { range: newest.commit, paths: path ? [path] : undefined }, (raw) => {
    const tagged = byCommit.get(raw.sha);
    if (tagged) {
      current = tagged;
      times.set(tagged.name, raw.time);
    }
    const key = current?.name ?? newest.name;
    const list = buckets.get(key) ?? [];
    if (list.length === 0) buckets.set(key, list);
    for (const c of parseCommit(raw, { knownTypes })) list.push(c);
    const people = authors.get(key) ?? [];
    if (people.length === 0) authors.set(key, people);
    people.push(raw.authorEmail.toLowerCase());
  });
  // Releases that own commits, oldest first (for first-time contributors), then rendered newest first.
  const released = tags.filter((t) => buckets.has(t.name)).reverse();
  const rules = sectionRules(config);
  const rulesOf0x = { initialDevelopment: config.initial_development, featuresIn0x: config.features_in_0x };
  const seen = new Set<string>();
  const sections: string[] = [];
  let previous: ReleaseTag | undefined;
  for (const t of released) {
    const changes = cancelReverts(buckets.get(t.name) ?? []);
    const bump = previous
      ? bumpBetween(previous.version, t.version)
      : requiredBump(changes, undefined, rulesOf0x);
    const notes = buildNotes({
      version: formatVersion(t.version),
      tag: t.name,
      previous: previous?.name,
      bump,
      date: o.dateOf?.(t) ?? new Date((times.get(t.name) ?? 0) * 1000).toISOString().slice(0, 10),
      changes,
      rules,
      earlierAuthors: seen,
      links: o.links,
    });
    sections.push(await renderNotes(notes, config.template ? `${o.cwd}/${config.template}` : undefined));
    for (const a of authors.get(t.name) ?? []) seen.add(a);
    previous = t;
  }
  return `# Changelog\n\n${sections.reverse().join('\n')}`;
}
