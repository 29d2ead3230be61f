import { z } from 'zod';
import type { CommandSpec } from '../spec.js';
import { noWords } from '../args.js';

export const gate: CommandSpec<Record<string, never>> = {
  name: 'gate',
  summary: "the quality gates on the pull request's head commit, from the reports its CI produced",
  usage: '/gate',
  minimum: 'write',
  pullRequest: true,
  options: [],
  args: z.strictObject({ _: noWords }).transform(() => ({})),
};
