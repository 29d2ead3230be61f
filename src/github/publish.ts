import { isReadOnlyTokenError } from './errors.js';
import { appendJobSummary } from './summary.js';

/**
 * Runs a GitHub write (a comment, a check run). When the token may only read, as on a pull
 * request from a fork, the step does not fail: `fallback` goes to the job summary and a warning
 * says why. Returns undefined in that case.
 */
export async function writeOrSummarize<T>(
  what: string,
  write: () => Promise<T>,
  fallback: string,
  warn: (message: string) => void,
): Promise<T | undefined> {
  try {
    return await write();
  } catch (err) {
    if (!isReadOnlyTokenError(err)) throw err;
    warn(
      `The GitHub token cannot write the ${what} (read-only, as on a pull request from a fork); ` +
        'the result is in the job summary instead. See the README for the workflow_run recipe.',
    );
    if (fallback) await appendJobSummary(fallback);
    return undefined;
  }
}
