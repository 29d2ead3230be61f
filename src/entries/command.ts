// The command action's entry on the TypeScript source, for @github/local-action (`npm run local-action command`).
// The runner starts the same command from the bundle (dist/command.js, made by scripts/build.mjs).
import { runAction } from '../main.js';

export function run(): Promise<void> {
  return runAction('command');
}
