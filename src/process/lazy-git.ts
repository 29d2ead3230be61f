// `localGit` (src/process/git.ts) made on the first git command: a job that may never run git
// (the gate without a diff from git) does not load node:child_process at start-up.
import type { Git } from '../scm/git.js';

/** Git on PATH, run in `dir`, its module loaded when a command first runs. */
export function lazyLocalGit(dir: string): Git {
  let git: Promise<Git> | undefined;
  const get = () => {
    git ??= import('./git.js').then((m) => m.localGit(dir));
    return git;
  };
  return {
    dir,
    run: async (args, options) => (await get()).run(args, options),
    stream: async (args, onData, options) => (await get()).stream(args, onData, options),
  };
}
