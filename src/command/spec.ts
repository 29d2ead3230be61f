import { z } from 'zod';

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

/** A word that must be exactly `word` (e.g. `sprint` in `/plan sprint 7`). */
export const keyword = (word: string) =>
  z.string().refine((v) => v.toLowerCase() === word, {
    error: (issue) => `expected \`${word}\`, got ${JSON.stringify(issue.input)}`,
  });

/** The words of a command that takes none. */
export const noWords = z
  .array(z.string())
  .max(0, { error: (issue) => `takes no words, got ${wordsOf(issue)}` });

function wordsOf(issue: { input?: unknown }): string {
  return Array.isArray(issue.input) ? issue.input.map((w) => JSON.stringify(w)).join(' ') : '';
}

/** Words as a fixed list: a missing or extra word names itself. */
export const words = (...items: z.ZodType<string | number>[]) =>
  z.tuple(items as [z.ZodType<string | number>, ...z.ZodType<string | number>[]], {
    error: (issue) =>
      issue.code === 'too_big'
        ? `unexpected ${wordsOf({ input: (issue.input as unknown[]).slice(items.length) })}`
        : `expected ${items.length} word(s)`,
  });

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
