/**
 * The single bundle entry. Every action and the CLI start here; each command's code is loaded
 * with a dynamic import, so ncc splits it into its own chunk and an action loads only what it uses.
 */
import type { ActionCommand } from './actions/runtime.js';

type Loader = () => Promise<{ run: ActionCommand }>;

export const ACTION_COMMANDS: Record<string, Loader> = {
  config: () => import('./actions/config.js'),
};

/** Starts an action. Without a name (the umbrella action) the `command` input chooses. */
export async function runAction(name?: string): Promise<void> {
  const { runActionCommand } = await import('./actions/runtime.js');
  await runActionCommand(async (io) => {
    const command = name ?? io.input('command').trim();
    const load = ACTION_COMMANDS[command];
    if (!load) {
      const { ShipkitError } = await import('./errors.js');
      throw new ShipkitError(`unknown command ${JSON.stringify(command)}`, {
        hint: `Set the \`command\` input to one of: ${Object.keys(ACTION_COMMANDS).join(', ')}.`,
      });
    }
    const { run } = await load();
    await run(io);
  });
}

export async function runCli(argv: string[]): Promise<number> {
  const { main } = await import('./cli/index.js');
  return main(argv);
}
