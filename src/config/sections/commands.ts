import { z } from 'zod';
import { COMMAND_NAMES } from '../../command/spec.js';
import { branchNameProblem } from '../../scm/branch-name.js';

/** The `commands` section of shipkit.yml: who may run which PR comment command, and how. */

const role = z.enum(['read', 'triage', 'write', 'maintain', 'admin']);
const commandName = z.enum(COMMAND_NAMES);

export const commandsSchema = z
  .strictObject({
    permission: role
      .default('write')
      .describe(
        'Least repository role a commenter needs to run a command (`/help` needs `read` unless `permissions` says otherwise).',
      ),
    permissions: z
      .partialRecord(commandName, role)
      .default({})
      .describe('Least role per command, e.g. `{ gate: triage }`; overrides `permission`.'),
    disabled: z
      .array(commandName)
      .default([])
      .describe('Commands that may not be run from a comment (they are answered as unknown).'),
    edits: z
      .boolean()
      .default(false)
      .describe('Also run a command when its comment is edited (off: only new comments count).'),
    bots: z
      .array(z.string().min(1))
      .default([])
      .describe('Bot logins (e.g. `renovate[bot]`) whose comments may run commands; other bots are ignored.'),
    gate: z
      .strictObject({
        artifact: z
          .string()
          .min(1)
          .default('shipkit-gate')
          .describe("Artifact of the pull request's CI run that holds the gate action's `report-file`."),
        file: z
          .string()
          .min(1)
          .default('gate-result.json')
          .describe('The saved gate result inside that artifact.'),
      })
      .default({ artifact: 'shipkit-gate', file: 'gate-result.json' })
      .describe('Where `/gate` finds the gate result the CI run saved.'),
    bench: z
      .strictObject({
        artifact: z
          .string()
          .min(1)
          .default('shipkit-bench')
          .describe("Artifact of the pull request's CI run that holds the benchmark output."),
        file: z
          .string()
          .min(1)
          .default('bench.json')
          .describe('The benchmark output inside that artifact (any format the perf gate reads).'),
        data_branch: z
          .string()
          .min(1)
          .refine((name) => branchNameProblem(name) === undefined, {
            error: (issue) => `not a branch name: ${branchNameProblem(String(issue.input))}`,
          })
          .default('shipkit-data')
          .describe("Branch holding the stored runs (the perf-gate action's history)."),
      })
      .default({ artifact: 'shipkit-bench', file: 'bench.json', data_branch: 'shipkit-data' })
      .describe("Where `/bench` finds the head's benchmark results and the stored runs."),
    ask: z
      .strictObject({
        enabled: z
          .boolean()
          .default(false)
          .describe(
            "Answer `/ask QUESTION` with Claude from the pull request's shipkit results (also needs the `anthropic-api-key` input).",
          ),
        model: z
          .string()
          .min(1)
          .optional()
          .describe("Claude model for `/ask` (default: shipkit's default model)."),
      })
      .default({ enabled: false })
      .describe(
        "`/ask`: questions about the pull request's gate, perf and codegen results, answered by Claude as text.",
      ),
  })
  .describe(
    'PR comment commands (`actions/command`): who may run which command, and where they find their inputs.',
  );

export type CommandsConfig = z.output<typeof commandsSchema>;
