import { z } from 'zod';
import type { CommandSpec } from '../spec.js';
import { noWords } from '../args.js';

export const bench: CommandSpec<Record<string, never>> = {
  name: 'bench',
  summary: "the performance comparison of the head commit's benchmarks with the stored baseline",
  usage: '/bench',
  minimum: 'write',
  pullRequest: true,
  options: [],
  args: z.strictObject({ _: noWords }).transform(() => ({})),
};
