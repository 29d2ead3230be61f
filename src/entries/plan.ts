// The plan action's entry on the TypeScript source, for @github/local-action (`npm run local-action plan`).
// The runner starts the same command from the bundle (dist/plan.js, made by scripts/build.mjs).
import { runAction } from '../main.js';

export function run(): Promise<void> {
  return runAction('plan');
}
