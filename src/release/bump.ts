import { ShipkitError } from '../errors.js';
import type { Change } from './conventional.js';
import { type Bump, bumpBetween, bumpRank, formatVersion, largerBump, type Version } from './semver.js';

/** How 0.x versions bump (`initial_development`, `features_in_0x` in shipkit.yml). */
export interface BumpRules {
  initialDevelopment: 'major' | 'minor' | 'patch';
  featuresIn0x: 'minor' | 'patch';
}

const DEFAULT_BUMP_RULES: BumpRules = { initialDevelopment: 'minor', featuresIn0x: 'minor' };

/**
 * The bump the changes require from `previous`: a breaking change major, a feature minor, anything
 * else patch; while the version is 0.x, breaking changes and features follow `rules`.
 */
export function requiredBump(
  changes: Change[],
  previous: Version | undefined,
  rules = DEFAULT_BUMP_RULES,
): Bump {
  let bump: Bump = 'none';
  const zero = previous !== undefined && previous.major === 0;
  for (const c of changes) {
    let b: Bump = 'patch';
    if (c.breaking) b = zero ? rules.initialDevelopment : 'major';
    else if (c.type === 'feat') b = zero ? rules.featuresIn0x : 'minor';
    bump = largerBump(bump, b);
    if (bump === 'major') break;
  }
  return bump;
}

/**
 * Checks the pushed tag against the required bump: a tag smaller than required (a breaking change
 * released as a patch) is an error naming the commits that require more, unless allowed.
 */
export function checkBump(args: {
  required: Bump;
  previous: Version | undefined;
  version: Version;
  changes: Change[];
  tag: string;
  previousTag: string | undefined;
  allowSmaller: boolean;
  /** Only show what the commits ask (`release notes`): a smaller tag is a warning even when not allowed. */
  warnOnly?: boolean;
  warn: (m: string) => void;
}): Bump {
  const { required, previous, version, changes } = args;
  if (!previous) return required === 'none' ? 'none' : required;
  const actual = bumpBetween(previous, version);
  if (bumpRank(actual) >= bumpRank(required)) return actual;
  const why = changes.filter((c) =>
    required === 'major' || (required === 'minor' && previous.major === 0)
      ? c.breaking || (required === 'minor' && c.type === 'feat')
      : c.type === 'feat' || c.breaking,
  );
  const list = why
    .slice(0, 5)
    .map((c) => `${c.sha.slice(0, 7)} ${c.type ?? ''}${c.breaking ? '!' : ''}: ${c.subject}`)
    .join('; ');
  const message =
    `${args.tag} is a ${actual} release after ${args.previousTag}, but the commits require a ${required} release` +
    (list ? ` (${list}${why.length > 5 ? `; and ${why.length - 5} more` : ''})` : '');
  if (args.allowSmaller) {
    args.warn(`${message}; allowed by release.allow_smaller_bump`);
    return actual;
  }
  if (args.warnOnly) {
    args.warn(`${message}. The release pipeline refuses this tag unless release.allow_smaller_bump is true`);
    return actual;
  }
  throw new ShipkitError(message, {
    hint: `Delete the tag and push one at least ${formatVersion(minimumVersion(previous, required))}, or set \`release.allow_smaller_bump: true\` in shipkit.yml.`,
  });
}

function minimumVersion(v: Version, bump: Bump): Version {
  const base = { prerelease: [], build: '' };
  if (bump === 'major') return { ...base, major: v.major + 1, minor: 0, patch: 0 };
  if (bump === 'minor') return { ...base, major: v.major, minor: v.minor + 1, patch: 0 };
  return { ...base, major: v.major, minor: v.minor, patch: v.patch + 1 };
}
