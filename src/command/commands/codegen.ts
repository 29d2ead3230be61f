import { z } from 'zod';
import type { CommandSpec } from '../spec.js';
import { noWords } from '../args.js';

export const codegen: CommandSpec<Record<string, never>> = {
  name: 'codegen',
  summary: "regenerates the codegen section's clients from the pull request's specs and pushes one commit",
  usage: '/codegen',
  minimum: 'write',
  pullRequest: true,
  options: [],
  args: z.strictObject({ _: noWords }).transform(() => ({})),
};
