// The perf-gate action's entry on the TypeScript source, for @github/local-action (`npm run local-action perf-gate`).
// The runner starts the same command from the bundle (dist/perf-gate.js, made by scripts/build.mjs).
import { runAction } from '../main.js';

export function run(): Promise<void> {
  return runAction('perf-gate');
}
