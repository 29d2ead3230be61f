import { z } from 'zod';
import { duration } from '../fields.js';

/** The `release` section of shipkit.yml. */

/** Conventional commit type → changelog heading; the headings conventional-changelog and release-please use. */
export const DEFAULT_SECTIONS: Record<string, string> = {
  feat: 'Features',
  fix: 'Bug Fixes',
  perf: 'Performance Improvements',
  revert: 'Reverts',
  docs: 'Documentation',
  style: 'Styles',
  chore: 'Miscellaneous Chores',
  refactor: 'Code Refactoring',
  test: 'Tests',
  build: 'Build System',
  ci: 'Continuous Integration',
};

/** Types kept out of the notes by default (as release-please and conventional-changelog do). */
export const DEFAULT_HIDDEN = ['docs', 'style', 'chore', 'refactor', 'test', 'build', 'ci'];

const versionFile = z.union([
  z.string().describe('A path: package.json (its lockfile follows), or a file with the marker.'),
  z
    .strictObject({
      path: z.string().describe('File whose version is bumped.'),
      marker: z
        .string()
        .optional()
        .describe('Text on the line that holds the version, e.g. `x-release-please-version`.'),
    })
    .describe('A file and the marker that flags its version line.'),
]);

export const releaseSchema = z
  .strictObject({
    tag_prefix: z.string().default('v').describe('Prefix of release tags, e.g. `v`, `pkg@` or `pkg-v`.'),
    path: z
      .string()
      .optional()
      .describe('Only commits touching this directory count (a package of a monorepo), e.g. `packages/api`.'),
    changelog: z.string().default('CHANGELOG.md').describe('Changelog file to update.'),
    sections: z
      .record(z.string(), z.string())
      .default(DEFAULT_SECTIONS)
      .describe('Commit type → heading, in the order the notes show them, e.g. `feat: Features`.'),
    hidden: z
      .array(z.string())
      .default(DEFAULT_HIDDEN)
      .describe('Commit types left out of the notes (they still count for the bump).'),
    other_heading: z
      .string()
      .default('Other')
      .describe('Heading for messages that are not Conventional Commits (they are never dropped).'),
    initial_development: z
      .enum(['minor', 'patch', 'major'])
      .default('minor')
      .describe(
        'What a breaking change requires while the version is 0.x: `minor` (0.4 → 0.5, the usual rule), `patch` or `major` (→ 1.0.0).',
      ),
    features_in_0x: z
      .enum(['minor', 'patch'])
      .default('minor')
      .describe('What a feature requires while the version is 0.x: `minor` or `patch`.'),
    allow_smaller_bump: z
      .boolean()
      .default(false)
      .describe('Allow a tag smaller than the commits require (e.g. a breaking change released as a patch).'),
    version_files: z
      .array(versionFile)
      .default(['package.json'])
      .describe('Files whose version is bumped: package.json (with its lockfile) or `{path, marker}`.'),
    update: z
      .enum(['commit', 'pull-request', 'none'])
      .default('commit')
      .describe(
        'How CHANGELOG.md and the version files reach the default branch: a commit, a pull request, or not at all.',
      ),
    required_checks: z
      .array(z.string())
      .default([])
      .describe(
        'Check runs that must have passed on the tagged commit; empty means every check run present.',
      ),
    checks_timeout: duration({ ms: 6 * 3_600_000, text: '6h (the longest a job runs)' })
      .prefault('10min')
      .describe('How long to wait for required checks still running, e.g. `10min`; `0s` does not wait.'),
    assets: z
      .array(z.string())
      .default([])
      .describe('Globs of files uploaded to the release, e.g. `dist/*.tgz`.'),
    draft: z.boolean().default(false).describe('Create the release as a draft.'),
    prerelease: z
      .enum(['auto', 'true', 'false'])
      .default('auto')
      .describe(
        'Mark the release as a pre-release: `auto` when the version has a pre-release part (1.2.0-rc.1).',
      ),
    template: z
      .string()
      .optional()
      .describe('Handlebars template for the notes, overriding templates/release/notes.hbs.'),
  })
  .describe('Release pipeline.');

export type ReleaseConfig = z.output<typeof releaseSchema>;
