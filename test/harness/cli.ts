import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bundlePath, ROOT } from './runner.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: { shipkit: string } };

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the `shipkit` bin exactly as npx would (the package's bin entry in dist/, or SHIPKIT_DIST),
 * in `cwd`, with credentials of the calling environment removed and `env` added.
 */
export async function shipkit(args: string[], cwd = ROOT, env: Record<string, string> = {}): Promise<CliRun> {
  const bin = bundlePath(join(ROOT, pkg.bin.shipkit));
  const { GITHUB_TOKEN: _t, GH_TOKEN: _g, GITHUB_API_URL: _a, ANTHROPIC_API_KEY: _k, ...base } = process.env;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      cwd,
      env: { ...base, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
