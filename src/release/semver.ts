/** Semantic versions (semver.org 2.0.0): parse, compare, bump. */

export interface Version {
  major: number;
  minor: number;
  patch: number;
  /** Pre-release identifiers (`rc.1` → ['rc', '1']); empty for a stable version. */
  prerelease: string[];
  build: string;
}

export type Bump = 'major' | 'minor' | 'patch' | 'none';

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export function parseVersion(text: string): Version | undefined {
  const m = SEMVER.exec(text);
  if (!m) return undefined;
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: Number(m[3]),
    prerelease: m[4] ? m[4].split('.') : [],
    build: m[5] ?? '',
  };
}

export function formatVersion(v: Version): string {
  const pre = v.prerelease.length > 0 ? `-${v.prerelease.join('.')}` : '';
  return `${v.major}.${v.minor}.${v.patch}${pre}${v.build ? `+${v.build}` : ''}`;
}

/** Semver precedence: negative when a < b. Build metadata is ignored. */
export function compareVersions(a: Version, b: Version): number {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (core !== 0) return core;
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    return b.prerelease.length - a.prerelease.length;
  }
  const n = Math.max(a.prerelease.length, b.prerelease.length);
  for (let i = 0; i < n; i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    if (xn && yn) return Number(x) - Number(y);
    if (xn) return -1;
    if (yn) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

export function isPrerelease(v: Version): boolean {
  return v.prerelease.length > 0;
}

/** The bump that leads from `from` to `to` (comparing the release cores). */
export function bumpBetween(from: Version, to: Version): Bump {
  if (to.major !== from.major) return 'major';
  if (to.minor !== from.minor) return 'minor';
  if (to.patch !== from.patch) return 'patch';
  // 1.2.0-rc.1 → 1.2.0: the pre-release already carried the bump.
  return 'none';
}

const ORDER: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

export function bumpRank(b: Bump): number {
  return ORDER[b];
}

export function largerBump(a: Bump, b: Bump): Bump {
  return ORDER[a] >= ORDER[b] ? a : b;
}

/** `version` bumped by `bump`, as a release-tool would propose it. */
export function applyBump(v: Version, bump: Bump): Version {
  const base = { prerelease: [], build: '' };
  if (bump === 'major') return { ...base, major: v.major + 1, minor: 0, patch: 0 };
  if (bump === 'minor') return { ...base, major: v.major, minor: v.minor + 1, patch: 0 };
  if (bump === 'patch') return { ...base, major: v.major, minor: v.minor, patch: v.patch + 1 };
  return v;
}
