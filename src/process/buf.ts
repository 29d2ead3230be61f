// The process edge of proto codegen: finds (or installs from npm) the pinned buf CLI and
// protoc-gen-es, and runs buf without a shell, with a timeout and bounded output.
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ShipkitError } from '../errors.js';
import { hostProtocGenEs, type ProtocGenEsHost } from './proto-relay.js';

/** The versions shipkit generates with (protoc-gen-es 2.14+ needs Node 22). */
export const BUF_VERSION = '1.75.0';
export const PROTOC_GEN_ES_VERSION = '2.13.0';
export const BUF_PACKAGE = `@bufbuild/buf@${BUF_VERSION}`;
export const PROTOC_GEN_ES_PACKAGE = `@bufbuild/protoc-gen-es@${PROTOC_GEN_ES_VERSION}`;

export interface BufResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** What the proto core needs from the outside: buf, and the plugin command buf runs. */
export interface BufTools {
  /**
   * protoc-gen-es, started now in a worker of this process, behind the relay plugin buf runs
   * (src/process/proto-relay.ts; the relay's file goes into `dir`).
   */
  protocGenEs(dir: string): ProtocGenEsHost;
  /** buf with these arguments; `input` is its stdin. */
  run(args: string[], options: BufRunOptions): Promise<BufResult>;
}

export interface BufRunOptions {
  cwd: string;
  timeoutMs?: number;
  input?: Uint8Array;
}

const MAX_OUTPUT = 64 * 1024 * 1024;

/** The directory tools are installed into: $SHIPKIT_TOOLS/<name>, default ~/.cache/shipkit-tools/<name>. */
export function toolStore(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(env.SHIPKIT_TOOLS ?? join(homedir(), '.cache', 'shipkit-tools'), name);
}

/** buf and protoc-gen-es: from $SHIPKIT_BUF or PATH (buf), else the tools cache, installed from npm if missing. */
export async function bufTools(env: NodeJS.ProcessEnv = process.env): Promise<BufTools> {
  const buf = env.SHIPKIT_BUF || onPath('buf', env) || (await cachedBuf(env));
  const plugin = await cachedProtocGenEs(env);
  return {
    protocGenEs: (dir) => hostProtocGenEs(plugin, dir),
    run: (args, options) => runBuf(buf, args, options),
  };
}

/** The command line that runs buf (the npm package's bin/buf is a Node script). */
function bufArgv(buf: string): string[] {
  return buf.endsWith('.js') || !isBinary(buf) ? [process.execPath, buf] : [buf];
}

function runBuf(buf: string, args: string[], options: BufRunOptions): Promise<BufResult> {
  const argv = [...bufArgv(buf), ...args];
  return new Promise((resolve, reject) => {
    const child = execFile(
      argv[0] as string,
      argv.slice(1),
      { cwd: options.cwd, timeout: options.timeoutMs ?? 600_000, maxBuffer: MAX_OUTPUT, encoding: 'utf8' },
      (err, stdout, stderr) => {
        if (err && typeof err.code !== 'number') {
          const why = err.killed ? `timed out after ${(options.timeoutMs ?? 600_000) / 1000} s` : err.message;
          reject(
            new ShipkitError(`buf could not run: ${why}`, {
              hint: `Check that ${buf} is buf ${BUF_VERSION} for this platform (or set SHIPKIT_BUF to one).`,
            }),
          );
          return;
        }
        resolve({ code: err ? Number(err.code) : 0, stdout, stderr });
      },
    );
    // buf exiting before it read all of its input is its error to report, not an EPIPE.
    child.stdin?.on('error', () => {});
    child.stdin?.end(options.input);
  });
}

/** The npm package's bin/buf is a Node wrapper; its platform package holds the binary itself. */
function isBinary(path: string): boolean {
  return !path.includes(`${join('node_modules', '@bufbuild', 'buf', 'bin')}`);
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, process.platform === 'win32' ? `${name}.exe` : name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {}
  }
  return undefined;
}

async function cachedBuf(env: NodeJS.ProcessEnv): Promise<string> {
  const nm = await installed('buf', BUF_PACKAGE, join('@bufbuild', 'buf', 'package.json'), env);
  const os = process.platform === 'win32' ? 'win32' : process.platform;
  const arch = process.arch === 'arm64' && os === 'linux' ? 'aarch64' : process.arch;
  const exe = process.platform === 'win32' ? 'buf.exe' : 'buf';
  const binary = join(nm, '@bufbuild', `buf-${os}-${arch}`, 'bin', exe);
  return existsSync(binary) ? binary : join(nm, '@bufbuild', 'buf', 'bin', 'buf');
}

async function cachedProtocGenEs(env: NodeJS.ProcessEnv): Promise<string> {
  const nm = await installed(
    'protoc-gen-es',
    PROTOC_GEN_ES_PACKAGE,
    join('@bufbuild', 'protoc-gen-es', 'package.json'),
    env,
  );
  return join(nm, '@bufbuild', 'protoc-gen-es', 'bin', 'protoc-gen-es');
}

/** store/node_modules with `pkg` installed (npm, no scripts), installing it when missing. */
async function installed(name: string, pkg: string, probe: string, env: NodeJS.ProcessEnv): Promise<string> {
  const store = toolStore(name, env);
  const nm = join(store, 'node_modules');
  const version = pkg.slice(pkg.lastIndexOf('@') + 1);
  if (hasVersion(join(nm, probe), version)) return nm;
  mkdirSync(store, { recursive: true });
  writeFileSync(join(store, 'package.json'), '{"private":true}');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = await new Promise<{ ok: boolean; why: string }>((resolve) => {
    execFile(
      npm,
      ['i', '--no-audit', '--no-fund', '--ignore-scripts', '--no-save', pkg],
      { cwd: store, timeout: 300_000, maxBuffer: MAX_OUTPUT, encoding: 'utf8' },
      (err, _out, stderr) =>
        resolve({ ok: !err, why: err ? (stderr.trim().split('\n').pop() ?? err.message) : '' }),
    );
  });
  if (!result.ok || !hasVersion(join(nm, probe), version)) {
    throw new ShipkitError(
      `${name} was not found and could not be installed from npm (${pkg}): ${result.why}`,
      {
        hint: `Install it yourself (npm i -D ${pkg}) and put it on PATH${name === 'buf' ? ', or set SHIPKIT_BUF to a buf binary' : ''}; or set SHIPKIT_TOOLS to a directory holding ${name}/node_modules.`,
      },
    );
  }
  return nm;
}

function hasVersion(packageJson: string, version: string): boolean {
  try {
    return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: string }).version === version;
  } catch {
    return false;
  }
}
