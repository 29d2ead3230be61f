import type { CommandName, Role } from '../../command/spec.js';
import type { ShipkitConfig } from '../../config/schema.js';
import type { GitHub } from '../../github/client.js';
import type { PullHead, Repo } from '../../github/command-calls.js';
import type { RunContext } from '../../github/context.js';
import { ShipkitError } from '../../errors.js';
import type { ActionIO } from '../runtime.js';

/** What a command gets once the commenter's role has been checked: the checked arguments and GitHub. */
export interface CommandRun<Args = unknown> {
  io: ActionIO;
  ctx: RunContext;
  gh: GitHub;
  repo: Repo;
  config: ShipkitConfig;
  args: Args;
  login: string;
  role: Role;
  /** The commands that can run here (built, not disabled in shipkit.yml). */
  available: readonly CommandName[];
  /** The issue or pull request the comment is on. */
  issueNumber: number;
  /** The pull request's head as captured after the permission check; commands act on this SHA only. */
  pull: PullHead | undefined;
  /** Re-reads the head and stops the command (nothing written) when it moved since it was captured. */
  beforeWrite(): Promise<void>;
}

/** A command's work: returns the Markdown of its reply (results, links), shipkit-made or escaped. */
export type CommandRunner<Args = unknown> = (run: CommandRun<Args>) => Promise<string>;

/**
 * The command stopped for a reason that is no fault of the job (the head moved, a fork's branch
 * cannot be pushed to): the reply says why, the step still succeeds.
 */
export class CommandStopped extends ShipkitError {}
