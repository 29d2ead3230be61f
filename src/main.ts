/**
 * The single bundle entry. Every action and the CLI start here; each command's code is loaded
 * with a dynamic import, so ncc splits it into its own chunk and an action loads only what it uses.
 */
import type { ActionCommand } from './actions/runtime.js';

type Loader = () => Promise<{ run: ActionCommand }>;

export const ACTION_COMMANDS: Record<string, Loader> = {
  config: () => import('./actions/config.js'),
  gate: () => import('./actions/gate.js'),
  plan: () => import('./actions/plan.js'),
  codegen: () => import('./actions/codegen.js'),
  'perf-gate': () => import('./actions/perf-gate.js'),
  release: () => import('./actions/release.js'),
  command: () => import('./actions/command.js'),
  report: () => import('./actions/report.js'),
};

/**
 * Starts an action. Without a name (the umbrella action) the `command` input chooses, and
 * `defaults` (each command's action.yml defaults, embedded by the build) fill the inputs left empty.
 */
export async function runAction(
  name?: string,
  defaults: Record<string, Record<string, string>> = {},
): Promise<void> {
  const { runActionCommand, withInputDefaults } = await import('./actions/runtime.js');
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
    await run(name ? io : withInputDefaults(io, defaults[command] ?? {}));
  });
}

export async function runCli(argv: string[]): Promise<number> {
  const { main } = await import('./cli/index.js');
  return main(argv);
}
