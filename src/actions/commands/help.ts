import { helpMarkdown } from '../../command/help.js';
import type { CommandRun } from './types.js';

/** `/help [command]`: what this commenter may run here. */
export async function run(r: CommandRun<{ command?: string }>): Promise<string> {
  return helpMarkdown({
    role: r.role,
    policy: r.config.commands,
    available: r.available,
    onPullRequest: r.pull !== undefined,
    ...(r.args.command ? { command: r.args.command } : {}),
  });
}
