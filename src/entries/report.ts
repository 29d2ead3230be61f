// The report action's entry on the TypeScript source, for @github/local-action (`npm run local-action report`).
// The runner starts the same command from the bundle (dist/report.js, made by scripts/build.mjs).
import { runAction } from '../main.js';

export function run(): Promise<void> {
  return runAction('report');
}
