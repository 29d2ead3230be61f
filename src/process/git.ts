// The git edge: the one implementation of the `Git` interface (src/scm/git.ts). Every git
// subprocess runs here, without a shell, with a timeout and a bound on what it may print.
import { spawn } from 'node:child_process';
import { ShipkitError } from '../errors.js';
import type { Git, GitResult, GitRunOptions } from '../scm/git.js';

const MINUTE = 60_000;

/** SHIPKIT_GIT_TIMEOUT_S, else ten minutes: a whole-history `git log` of a large repository fits. */
export function gitTimeoutMs(): number {
  const env = process.env.SHIPKIT_GIT_TIMEOUT_S?.trim();
  return env && /^\d+(\.\d+)?$/.test(env) && Number(env) > 0 ? Number(env) * 1000 : 10 * MINUTE;
}

export interface LocalGitOptions {
  /** Per subprocess; default gitTimeoutMs(). */
  timeoutMs?: number;
  /** What `run` may collect from stdout (a diff, a file at a ref); default 512 MiB. */
  maxOutputBytes?: number;
}

/** Git on PATH, run in `dir`. */
export function localGit(dir: string, options: LocalGitOptions = {}): Git {
  const timeoutMs = options.timeoutMs ?? gitTimeoutMs();
  const maxOutputBytes = options.maxOutputBytes ?? 512 * 1024 * 1024;
  return {
    dir,
    async run(args: string[], runOptions?: GitRunOptions): Promise<GitResult> {
      const chunks: Buffer[] = [];
      let size = 0;
      const code = await runGit(dir, args, timeoutMs, runOptions, (chunk) => {
        size += chunk.length;
        if (size > maxOutputBytes) {
          throw new ShipkitError(`git ${args[0]} printed more than ${maxOutputBytes} bytes`, {
            location: { file: dir },
            hint: 'Narrow what is asked of git (a smaller range or path).',
          });
        }
        chunks.push(chunk);
        return undefined;
      });
      return { code, out: Buffer.concat(chunks).toString('utf8') };
    },
    stream: (args, onData, runOptions) => runGit(dir, args, timeoutMs, runOptions, onData),
  };
}

/**
 * One git subprocess: stdout to `onData`, stderr kept for the error. A timeout, a stop or a
 * failure in `onData` settles at once and kills git (a hook or alias it started may outlive it
 * holding the pipes, so the close of the pipes is not waited for).
 */
function runGit(
  dir: string,
  args: string[],
  timeoutMs: number,
  options: GitRunOptions | undefined,
  onData: (chunk: Buffer) => 'stop' | undefined,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const input = options?.input;
    const child = spawn('git', args, { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'], shell: false });
    // git may exit before reading all of it (a bad argument): the close event reports that.
    child.stdin.on('error', () => {});
    child.stdin.end(input);
    let stderr = '';
    let settled = false;
    const settle = (err: unknown, code = 0) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err === undefined) resolve(code);
      else reject(err);
    };
    const end = (err?: unknown) => {
      settle(err);
      child.stdout.destroy();
      child.stderr.destroy();
      child.kill('SIGKILL');
    };
    const timer = setTimeout(
      () =>
        end(
          new ShipkitError(`git ${args[0]} did not finish within ${timeoutMs / 1000} s`, {
            location: { file: dir },
            hint: 'SHIPKIT_GIT_TIMEOUT_S changes the limit; a shallow or very large clone may be the cause.',
          }),
        ),
      timeoutMs,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      if (settled) return;
      try {
        if (onData(chunk) === 'stop') end();
      } catch (err) {
        end(err);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      if (stderr.length < 64 * 1024) stderr += d;
    });
    child.on('error', (e) =>
      settle(new ShipkitError(`cannot run git: ${e.message}`, { hint: 'Install git and put it on PATH.' })),
    );
    child.on('close', (c) => {
      const code = c ?? 1;
      settle(code !== 0 && !options?.allowFail ? gitError(args, stderr, dir) : undefined, code);
    });
  });
}

function gitError(args: string[], stderr: string, dir: string): ShipkitError {
  const first = stderr.trim().split('\n')[0] ?? '';
  return new ShipkitError(`git ${args[0]} failed: ${first || 'no output'}`, {
    location: { file: dir },
    hint: /shallow|unknown revision|bad revision/.test(stderr)
      ? 'Check out the full history and tags: actions/checkout with `fetch-depth: 0`.'
      : 'Run it in a git repository with the tags fetched.',
  });
}
