import { ShipkitError } from '../errors.js';
import type { GitHub } from './client.js';
import type { Repo } from './command-calls.js';

/**
 * A file's text at `ref` (a branch or a commit SHA) through the contents API: nothing is checked
 * out. Undefined when there is no such file; a directory or a file over `maxBytes` is an error.
 */
export async function readFileAt(
  gh: GitHub,
  repo: Repo,
  path: string,
  ref: string,
  maxBytes: number,
): Promise<string | undefined> {
  let data: unknown;
  try {
    ({ data } = await gh.rest.repos.getContent({ ...repo, path, ref }));
  } catch (err) {
    if ((err as { status?: number }).status === 404) return undefined;
    throw err;
  }
  const file = data as { type?: string; size?: number; content?: string; encoding?: string };
  if (Array.isArray(data) || file.type !== 'file') {
    throw new ShipkitError(`${path} at ${ref.slice(0, 12)} is not a file`);
  }
  if ((file.size ?? 0) > maxBytes) {
    throw new ShipkitError(
      `${path} at ${ref.slice(0, 12)} is ${file.size} bytes, over the limit of ${maxBytes}`,
    );
  }
  if (file.encoding !== 'base64' || typeof file.content !== 'string') {
    throw new ShipkitError(`${path} at ${ref.slice(0, 12)} is too large for the contents API (over 1 MB)`);
  }
  return Buffer.from(file.content, 'base64').toString('utf8');
}
