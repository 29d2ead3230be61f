// The one way a core talks to git: the `Git` interface, passed in by the edge (its one
// implementation is src/process/git.ts, which runs every git subprocess with a timeout), and the
// small queries shared by the gate and the release jobs, written over it.

/** What a finished git command gave. */
export interface GitResult {
  code: number;
  /** stdout as UTF-8. */
  out: string;
}

export interface GitRunOptions {
  /** Return a non-zero exit instead of throwing (a query whose "no" is an exit code). */
  allowFail?: boolean;
  /** Written to git's stdin, which is closed after it (`cat-file --batch`); no stdin without it. */
  input?: string;
}

/** A git repository a core may query; the edge decides how the process runs. */
export interface Git {
  /** The repository's folder, as errors name it. */
  readonly dir: string;
  /** Runs `git <args>` and returns its output; a non-zero exit throws unless `allowFail`. */
  run(args: string[], options?: GitRunOptions): Promise<GitResult>;
  /**
   * Runs `git <args>` and hands each chunk of stdout to `onData` as it comes; `onData` returning
   * `'stop'` ends the process early (what was read is all that is wanted). Returns the exit code
   * (0 when stopped); a non-zero exit throws unless `allowFail`.
   */
  stream(
    args: string[],
    onData: (chunk: Buffer) => 'stop' | undefined,
    options?: GitRunOptions,
  ): Promise<number>;
}

/** The commit a ref names, or undefined when it names nothing. */
export async function resolveCommit(git: Git, ref: string): Promise<string | undefined> {
  if (ref.startsWith('-')) return undefined;
  const { code, out } = await git.run(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
    allowFail: true,
  });
  return code === 0 ? out.trim() : undefined;
}

/** True when `rev` names a commit in the repository (false too when git cannot be asked). */
export async function hasCommit(git: Git, rev: string): Promise<boolean> {
  try {
    return (await resolveCommit(git, rev)) !== undefined;
  } catch {
    return false;
  }
}

/** Whether `commit` is reachable from `ref` (a tag on the default branch). */
export async function isAncestor(git: Git, commit: string, ref: string): Promise<boolean> {
  const { code } = await git.run(['merge-base', '--is-ancestor', commit, ref], { allowFail: true });
  return code === 0;
}

/** Every tag with the commit it points at (annotated tags peeled) and when it was made (Unix seconds). */
export async function listTags(git: Git): Promise<{ name: string; commit: string; created: number }[]> {
  const { out } = await git.run([
    'for-each-ref',
    'refs/tags',
    '--format=%(refname:strip=2)%00%(objectname)%00%(*objectname)%00%(creatordate:unix)',
  ]);
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [name = '', object = '', peeled = '', created = '0'] = line.split('\0');
      return { name, commit: peeled || object, created: Number(created) };
    });
}

/** Reads a file as committed at `ref` (`git show ref:path`); undefined when the ref or file is missing. */
export function committedFileReader(git: Git, ref: string): (path: string) => Promise<string | undefined> {
  return async (path) => {
    const { code, out } = await git.run(['show', `${ref}:${path}`], { allowFail: true });
    return code === 0 ? out : undefined;
  };
}

/** The parents of HEAD (two for a pull request's merge commit); none when git cannot tell. */
export async function headParents(git: Git): Promise<string[]> {
  try {
    const { code, out } = await git.run(['rev-list', '--parents', '-n', '1', 'HEAD'], { allowFail: true });
    return code === 0 ? out.trim().split(/\s+/).slice(1) : [];
  } catch {
    return [];
  }
}
