import { compareVersions, isPrerelease, parseVersion, type Version } from './semver.js';

/** A release tag: its name, its version, the commit it points at. */
export interface ReleaseTag {
  name: string;
  version: Version;
  /** Commit the tag points at (annotated tags peeled); empty when unknown. */
  commit: string;
}

/**
 * The version in a tag name with the given prefix (`v1.2.3`, `pkg@1.2.3`, `pkg-v1.2.3`).
 * Without a match, undefined: the tag belongs to another package or is not a release.
 */
export function versionOfTag(name: string, prefix: string): Version | undefined {
  if (!name.startsWith(prefix)) return undefined;
  return parseVersion(name.slice(prefix.length));
}

/** Tags of this prefix, highest version first; others (other packages, non-semver) are left out. */
export function releaseTags(tags: { name: string; commit: string }[], prefix: string): ReleaseTag[] {
  const out: ReleaseTag[] = [];
  for (const t of tags) {
    const version = versionOfTag(t.name, prefix);
    if (version) out.push({ name: t.name, version, commit: t.commit });
  }
  return out.sort((a, b) => compareVersions(b.version, a.version));
}

/**
 * The release before `version` by semver order within the prefix. A stable version skips
 * pre-releases (1.3.0 follows 1.2.0, not 1.3.0-rc.2); a pre-release may follow one.
 */
export function previousTag(tags: ReleaseTag[], version: Version): ReleaseTag | undefined {
  const stable = !isPrerelease(version);
  let best: ReleaseTag | undefined;
  for (const t of tags) {
    if (compareVersions(t.version, version) >= 0) continue;
    if (stable && isPrerelease(t.version)) continue;
    if (!best || compareVersions(t.version, best.version) > 0) best = t;
  }
  return best;
}
