import { COMMANDS } from './registry.js';
import { type CommandName, type CommandPolicy, hasRole, minimumRole, type Role } from './spec.js';

export interface HelpRequest {
  role: Role;
  policy: CommandPolicy;
  available: readonly CommandName[];
  onPullRequest: boolean;
  /** `/help plan`: that command only. */
  command?: string;
}

/** `/help`: the commands this commenter may run on this issue or pull request, with their arguments. */
export function helpMarkdown(h: HelpRequest): string {
  const specs = h.available
    .map((n) => COMMANDS[n])
    .filter((s) => !h.command || s.name === h.command)
    .filter((s) => h.onPullRequest || !s.pullRequest);
  const may = specs.filter((s) => hasRole(h.role, minimumRole(s, h.policy)));
  const rows = may.map((s) => `| \`${s.usage}\` | ${s.summary} | ${minimumRole(s, h.policy)} |`);
  const lines = rows.length
    ? ['| command | what it does | least role |', '| --- | --- | --- |', ...rows]
    : [h.command ? `/${h.command} is not available to you here.` : 'No command is available to you here.'];
  const others = specs.length - may.length;
  if (others > 0) lines.push('', `${others} more need a higher role than yours (${h.role}).`);
  if (!h.onPullRequest) lines.push('', 'Commands that act on a pull request are listed on pull requests.');
  return lines.join('\n');
}
