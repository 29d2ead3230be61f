import { fstatSync } from 'node:fs';
import pkg from '../../package.json' with { type: 'json' };
import { asShipkitError, formatError } from '../errors.js';
import { inertLog, redactSecrets } from '../render/log.js';
import type { CliIO } from './args.js';
import { UsageError } from './args.js';

/**
 * Whether GitHub's runner reads what is written to `fd`: inside Actions (a `run:` step) unless
 * the stream was redirected to a file, whose bytes must stay exactly what was printed.
 */
function runnerReads(fd: number): boolean {
  if (process.env.GITHUB_ACTIONS !== 'true') return false;
  try {
    return !fstatSync(fd).isFile();
  } catch {
    return true;
  }
}

/**
 * stdout and stderr through the log context (src/render/log.ts): in a `run:` step a block that
 * could read as a workflow command is wrapped in a stop-commands pair; errors and warnings on
 * stderr never carry a credential from the environment or anything shaped like a token.
 */
function streamIO(): CliIO {
  const secrets = [process.env.GITHUB_TOKEN, process.env.GH_TOKEN, process.env.ANTHROPIC_API_KEY];
  const [toRunnerOut, toRunnerErr] = [runnerReads(1), runnerReads(2)];
  const line = (t: string) => (t.endsWith('\n') ? t : `${t}\n`);
  return {
    out: (t) => process.stdout.write(line(toRunnerOut ? inertLog(t) : t)),
    err: (t) => {
      const clean = redactSecrets(t, secrets);
      process.stderr.write(line(toRunnerErr ? inertLog(clean) : clean));
    },
  };
}

type CliCommand = (args: string[], io: CliIO) => Promise<number>;

/** `shipkit <group> <verb>`: each group's code is loaded only when it is called. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: CliCommand }> }> = {
  plan: {
    summary: 'plan a sprint: schedule, plan.md, milestone and issues',
    load: () => import('./plan.js'),
  },
  config: {
    summary: 'validate .github/shipkit.yml, print its JSON Schema',
    load: () => import('./config.js'),
  },
  gate: { summary: 'run the quality gates over local reports', load: () => import('./gate.js') },
  release: {
    summary: 'release notes and CHANGELOG from Conventional Commits',
    load: () => import('./release.js'),
  },
  report: {
    summary: 'the weekly report and checkpoint: report.md, .html, .json, slack.json',
    load: () => import('./report.js'),
  },
  coverage: { summary: 'summarize and merge coverage reports', load: () => import('./coverage.js') },
  bench: {
    summary: 'compare benchmark results, summarize one, run an A/B comparison',
    load: () => import('./bench.js'),
  },
  codegen: {
    summary: 'generate a typed client from OpenAPI; check it is up to date',
    load: () => import('./codegen.js'),
  },
};

export const USAGE = `shipkit ${pkg.version}: automation for the delivery loop

Usage: shipkit <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Options:
  -h, --help     show help (also: shipkit <command> --help)
  -v, --version  print the version

Outside GitHub Actions, shipkit reads local files and prints or writes what it would publish.`;

/** Runs the CLI; returns the exit code (0 ok, 1 the input is invalid, 2 the command line is wrong). */
export async function main(argv: string[], io: CliIO = streamIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    io.out(USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === '-v' || name === '--version') {
    io.out(pkg.version);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`shipkit: unknown command "${name}". Run \`shipkit --help\` for the list.`);
    return 2;
  }
  try {
    const { run } = await command.load();
    return await run(rest, io);
  } catch (err) {
    const e = asShipkitError(err);
    for (const line of formatError(e)) io.err(line);
    if (e.details.length > 0) io.err(e.message);
    return err instanceof UsageError ? 2 : 1;
  }
}
