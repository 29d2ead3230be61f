// One temporary directory per test run: every mkdtemp(tmpdir()) of the tests, of the actions
// they run and of the tools those spawn lands under it (TMPDIR), and it is removed at the end,
// so a run leaves nothing behind in /tmp. Set SHIPKIT_KEEP_TMP=1 to keep it for a post-mortem.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'shipkit-test-run-'));
  process.env.TMPDIR = dir;
  return () => {
    if (process.env.SHIPKIT_KEEP_TMP) console.log(`test files kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  };
}
