import { z } from 'zod';
import type { CommandSpec } from '../spec.js';
import { noWords } from '../args.js';

export const report: CommandSpec<Record<string, never>> = {
  name: 'report',
  summary: 'the weekly report for the week so far',
  usage: '/report',
  minimum: 'write',
  pullRequest: false,
  options: [],
  args: z.strictObject({ _: noWords }).transform(() => ({})),
};
