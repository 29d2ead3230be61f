import type { CommandName } from '../../command/spec.js';
import type { CommandRunner } from './types.js';

type Loader = () => Promise<{ run: CommandRunner<never> }>;

/** Each command's work, one file each, loaded only when that command runs. */
export const RUNNERS: Partial<Record<CommandName, Loader>> = {
  help: () => import('./help.js'),
  gate: () => import('./gate.js'),
  bench: () => import('./bench.js'),
  plan: () => import('./plan.js'),
  codegen: () => import('./codegen.js'),
  release: () => import('./release.js'),
  report: () => import('./report.js'),
  ask: () => import('./ask.js'),
};
