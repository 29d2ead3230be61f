// The hostile-input corpus: test/fixtures/hostile/<topic>/ holds inputs an attacker controls (a
// fork's pull request, a third-party spec, a backlog, commit messages); test/hostile/<topic>.test.ts
// runs the CLI and the bundled actions on them. See test/fixtures/hostile/README.md.
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../harness/runner.js';

export const HOSTILE = join(ROOT, 'test/fixtures/hostile');

/** A fresh workspace holding a copy of one topic's fixtures. */
export async function hostileWorkspace(topic: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `shipkit-hostile-${topic}-`));
  await cp(join(HOSTILE, topic), dir, { recursive: true });
  return dir;
}
