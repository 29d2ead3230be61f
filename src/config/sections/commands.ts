import { z } from 'zod';

/** The `commands` section of shipkit.yml. */

export const commandsSchema = z
  .strictObject({
    prefix: z.string().min(1).default('/').describe('What starts a command in a PR comment.'),
    permission: z
      .enum(['read', 'triage', 'write', 'maintain', 'admin'])
      .default('write')
      .describe('Least repository permission a commenter needs to run a command.'),
    allowed: z
      .array(z.enum(['gate', 'plan', 'codegen', 'report', 'release']))
      .default(['gate', 'plan', 'codegen', 'report'])
      .describe('Commands that may be run from a comment.'),
  })
  .describe('PR comment commands. Not built yet: the section is accepted, and loading it warns.');
