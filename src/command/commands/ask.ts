import { z } from 'zod';
import { cleanQuestion, QUESTION_LIMIT } from '../ask-text.js';
import type { CommandSpec } from '../spec.js';

export const ask: CommandSpec<{ question: string }> = {
  name: 'ask',
  summary: "answers a question from the pull request's shipkit results with Claude (when enabled)",
  usage: '/ask QUESTION',
  minimum: 'write',
  pullRequest: true,
  options: [],
  freeText: true,
  args: z
    .strictObject({
      _: z.tuple([
        z
          .string()
          .transform(cleanQuestion)
          .pipe(
            z
              .string()
              .min(1, { error: 'needs a question' })
              .max(QUESTION_LIMIT, { error: `the question is longer than ${QUESTION_LIMIT} characters` }),
          ),
      ]),
    })
    .transform(({ _ }) => ({ question: _[0] })),
};
