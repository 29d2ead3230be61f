import { z } from 'zod';
import { COMMAND_NAMES, type CommandSpec } from '../spec.js';

export const help: CommandSpec<{ command?: string }> = {
  name: 'help',
  summary: 'the commands you may run here, with their arguments',
  usage: '/help [command]',
  minimum: 'read',
  pullRequest: false,
  options: [],
  args: z
    .strictObject({
      _: z
        .array(z.string().transform((w) => w.replace(/^\//, '').toLowerCase()))
        .max(1, { error: 'takes at most one word, a command name' }),
    })
    .transform((a, ctx) => {
      const [command] = a._;
      if (command !== undefined && !(COMMAND_NAMES as readonly string[]).includes(command)) {
        ctx.addIssue({ code: 'custom', path: ['_', 0], message: `no command /${command}`, input: command });
        return z.NEVER;
      }
      return command === undefined ? {} : { command };
    }),
};
