import { z } from 'zod';
import type { CommandSpec } from '../spec.js';
import { keyword, words } from '../args.js';

export const release: CommandSpec<{ from?: string }> = {
  name: 'release',
  summary: 'the notes the next release would have',
  usage: '/release notes [from=TAG]',
  minimum: 'write',
  pullRequest: false,
  options: ['from'],
  args: z
    .strictObject({
      _: words(keyword('notes')),
      from: z
        .string()
        .regex(/^[\w][\w.+@/-]{0,99}$/, {
          error: (i) => `expected a tag name, got ${JSON.stringify(i.input)}`,
        })
        .optional(),
    })
    .transform(({ from }) => (from ? { from } : {})),
};
