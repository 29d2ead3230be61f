// Kept apart from client.ts so that the writers can use it without loading @actions/github.
import { setTimeout as sleep } from 'node:timers/promises';

const status = (err: unknown) => (err as { status?: number } | undefined)?.status;

/**
 * Whether a write that failed with `err` may still have happened: no answer (a timeout or a broken
 * connection, which octokit reports as status 500) or a server error in front of GitHub (502, 503, 504).
 */
export function mayHaveHappened(err: unknown): boolean {
  const s = status(err);
  return s === undefined || s >= 500;
}

/** GitHub's 422 for a name or key that is taken (`already_exists`, "Reference already exists"). */
export function isAlreadyExists(err: unknown): boolean {
  if (status(err) !== 422) return false;
  const e = err as { message?: string; response?: { data?: unknown } };
  return /already[ _]exists/i.test(`${e.message ?? ''} ${JSON.stringify(e.response?.data ?? '')}`);
}

/** Whether `err` is a 404: what a repeated DELETE answers when the first one landed. */
export function isGone(err: unknown): boolean {
  return status(err) === 404;
}

export interface CreateOnceOptions {
  /** Attempts at `create` in all (default 3). */
  attempts?: number;
  /** Wait before attempt n+1 after nothing was found: n² × this (default 1000 ms). */
  backoffMs?: number;
}

/**
 * Makes something that a repeat would duplicate (an issue, a comment, a check run, a release, an
 * asset, a branch, a pull request). When the answer is lost (the write may have happened) or GitHub
 * says it already exists, `find` looks for what the write would have made (by its marker or key)
 * and that is adopted; only when nothing is found is `create` tried again (`find` may clear a
 * half-made one first, e.g. an asset whose upload did not finish).
 */
export async function createOnce<T>(
  create: () => Promise<T>,
  find: () => Promise<T | undefined>,
  options: CreateOnceOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (err) {
      if (!mayHaveHappened(err) && !isAlreadyExists(err)) throw err;
      const found = await find();
      if (found !== undefined) return found;
      if (attempt >= attempts) throw err;
      if (mayHaveHappened(err)) await sleep(attempt * attempt * (options.backoffMs ?? 1000));
    }
  }
}
