import { posix } from 'node:path';
import { planSummary } from './pipeline.js';
import type { Plan } from './plan.js';

/** The plan files as one proposed change: the branch, commit and pull request the plan action's `propose` makes. */
export function planProposal(plan: Plan, files: Map<string, string>, outDir: string) {
  const title = `Sprint ${plan.sprint.number} plan`;
  return {
    branch: `shipkit/plan/sprint-${plan.sprint.number}`,
    files: new Map([...files].map(([name, text]) => [posix.join(outDir, name), text])),
    deletes: [] as string[],
    commitMessage: `docs(plan): ${title.toLowerCase()}\n\n${planSummary(plan)}`,
    title,
    body: `${planSummary(plan)}\n\nThe plan files under \`${outDir}/\`, proposed by shipkit. plan.md:\n\n${files.get('plan.md') ?? ''}`,
  };
}
