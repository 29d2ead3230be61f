import type { z } from 'zod';

/** Repository roles from lowest to highest, as `role_name` names them. */
export const ROLES = ['none', 'read', 'triage', 'write', 'maintain', 'admin'] as const;
export type Role = (typeof ROLES)[number];
/** A role a command may require (everyone has at least `none`). */
export type MinimumRole = Exclude<Role, 'none'>;

export function hasRole(role: Role, minimum: MinimumRole): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

/** The commands shipkit knows, in the order `/help` lists them. */
export const COMMAND_NAMES = [
  'help',
  'gate',
  'bench',
  'plan',
  'codegen',
  'release',
  'report',
  'ask',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/**
 * The commands that act on a pull request (each one's spec says `pullRequest: true`; a test holds
 * them together). Known without loading the specs, so a comment on an issue is ignored at once.
 */
export const PULL_REQUEST_COMMANDS: ReadonlySet<string> = new Set<CommandName>([
  'gate',
  'bench',
  'codegen',
  'ask',
]);

/**
 * One comment command: what it needs and the schema of its arguments. The arguments reach the
 * schema as `{ _: [words…], key: value, … }`, all strings; each command turns them into its own
 * typed request there, so nothing unchecked gets past parsing.
 */
export interface CommandSpec<Args = unknown> {
  name: CommandName;
  summary: string;
  /** How it is typed, e.g. `/plan sprint N [start=YYYY-MM-DD]`. */
  usage: string;
  /** The role it needs when the `commands:` section says nothing. */
  minimum: MinimumRole;
  /** Only on a pull request (comments on issues are ignored). */
  pullRequest: boolean;
  /** The `key=value` names it accepts, for "did you mean". */
  options: readonly string[];
  /** The arguments are free text: the schema gets `{ _: [the rest of the line] }`. */
  freeText?: boolean;
  args: z.ZodType<Args>;
}

/** What the `commands:` section of shipkit.yml says about who may run what. */
export interface CommandPolicy {
  permission: MinimumRole;
  permissions: Partial<Record<CommandName, MinimumRole>>;
  disabled: readonly CommandName[];
}

/** The least role `spec` needs under `policy`: its own entry, else the section's, else read for `/help`. */
export function minimumRole(spec: CommandSpec, policy: CommandPolicy): MinimumRole {
  return policy.permissions[spec.name] ?? (spec.minimum === 'read' ? 'read' : policy.permission);
}
