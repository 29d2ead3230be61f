import { z } from 'zod';

// Building blocks of the commands' argument schemas (commands/*.ts). Kept apart from spec.ts, which
// the command action reads before anything else and which must not load zod.

/** A word that must be exactly `word` (e.g. `sprint` in `/plan sprint 7`). */
export const keyword = (word: string) =>
  z.string().refine((v) => v.toLowerCase() === word, {
    error: (issue) => `expected \`${word}\`, got ${JSON.stringify(issue.input)}`,
  });

/** The words of a command that takes none. */
export const noWords = z
  .array(z.string())
  .max(0, { error: (issue) => `takes no words, got ${wordsOf(issue)}` });

function wordsOf(issue: { input?: unknown }): string {
  return Array.isArray(issue.input) ? issue.input.map((w) => JSON.stringify(w)).join(' ') : '';
}

/** Words as a fixed list: a missing or extra word names itself. */
export const words = (...items: z.ZodType<string | number>[]) =>
  z.tuple(items as [z.ZodType<string | number>, ...z.ZodType<string | number>[]], {
    error: (issue) =>
      issue.code === 'too_big'
        ? `unexpected ${wordsOf({ input: (issue.input as unknown[]).slice(items.length) })}`
        : `expected ${items.length} word(s)`,
  });
