import { z } from 'zod';
import type { ReportSnapshot } from '../report/snapshot.js';
import { askForTool, type ClaudeOptions, DEFAULT_MODEL } from './structured.js';

/**
 * A short narrative of the week, drafted by Claude from the snapshot alone. Every figure in the
 * report still comes from the snapshot: the narrative is text, checked by zod here and escaped by
 * each renderer like any other text from outside (it may hold `<script>` or `@channel`).
 */
export const narrativeAnswer = z.strictObject({
  summary: z
    .string()
    .min(1)
    .max(1200)
    .describe('Three to five plain sentences on the week: what moved, what needs attention, the verdict.'),
});

const SYSTEM =
  'You summarise a software team\'s week from a JSON snapshot for the team itself. Use only figures present in the snapshot, never invent one. Say "not available" for n/a inputs. Plain sentences, no Markdown, no links, no mentions.';

export async function draftNarrative(
  snapshot: ReportSnapshot,
  options: ClaudeOptions,
): Promise<NonNullable<ReportSnapshot['narrative']>> {
  const { narrative: _old, ...figures } = snapshot;
  const answer = await askForTool(
    options,
    { name: 'weekly_narrative', description: 'The narrative of the week.', schema: narrativeAnswer },
    SYSTEM,
    `The snapshot of the week:\n\n${JSON.stringify(figures)}`,
  );
  return { text: answer.summary, model: options.model ?? DEFAULT_MODEL };
}
