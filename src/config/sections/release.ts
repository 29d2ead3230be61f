import { z } from 'zod';

/** The `release` section of shipkit.yml. */

export const releaseSchema = z
  .strictObject({
    tag_prefix: z.string().default('v').describe('Prefix of release tags, e.g. `v` or `pkg@`.'),
    changelog: z.string().default('CHANGELOG.md').describe('Changelog file to update.'),
    version_files: z.array(z.string()).default(['package.json']).describe('Files whose version is bumped.'),
  })
  .describe('Release pipeline.');
