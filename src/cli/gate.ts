import { resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { parsePathMap } from '../gate/coverage/paths.js';
import { exitCodeOf } from '../gate/outcome.js';
import { type GateRequest, gateJob } from '../gate/request.js';
import { localGit } from '../process/git.js';
import { jsonForLog } from '../render/log.js';
import { type CliIO, type CommandLine, parseCommandLine, UsageError } from './args.js';

const HELP = `Usage: shipkit gate [options]
  Runs the quality gates of .github/shipkit.yml over local reports and prints the summary.
  Exit 0 when every gate passed or only warned, 1 when a fail_* gate failed or input is invalid.

  --config FILE            shipkit.yml (default .github/shipkit.yml)
  --coverage GLOB          coverage report(s), any format shipkit reads; repeatable
  --path-map FROM=TO       rewrite report path prefixes (monorepos, containers); repeatable
  --diff FILE              the change as a unified diff (git diff output), for patch coverage
  --base REF               or: diff the working tree against where it left REF
  --duplication FILE       jscpd JSON report
  --base-duplication FILE  jscpd JSON report of the base, to count new clones
  --security GLOB          npm audit --json output or SARIF 2.1.0; repeatable
  --docs FILE              TypeDoc coverage JSON (typedoc-plugin-coverage)
  --baseline FILE          a stored gate summary to compare with (threshold: auto)
  --out FILE               write the whole result as JSON (summary, comment, outputs, baseline)
  --json                   print the result as JSON instead of Markdown`;

const OPTIONS = {
  config: { type: 'string' },
  coverage: { type: 'string', multiple: true },
  'path-map': { type: 'string', multiple: true },
  diff: { type: 'string' },
  base: { type: 'string' },
  duplication: { type: 'string' },
  'base-duplication': { type: 'string' },
  security: { type: 'string', multiple: true },
  docs: { type: 'string' },
  baseline: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

export async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandLine(args, OPTIONS, 'shipkit gate');
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`, { hint: HELP });
  if (values.diff && values.base) throw new UsageError('give --diff or --base, not both');
  const warn = (m: string) => io.err(`warning: ${m}`);
  const request = await gateRequest(values);
  const { outcome } = await gateJob(request, { git: localGit(request.reports.root), warn });
  for (const w of outcome.warnings) warn(w);
  const outFile = str(values.out);
  if (outFile) await writeFileAtomic(resolve(outFile), `${JSON.stringify(outcome, null, 2)}\n`);
  io.out(values.json ? jsonForLog(outcome) : outcome.summary);
  return exitCodeOf(outcome);
}

/** The gate request the command line describes: local reports, no GitHub, nothing stored. */
async function gateRequest(values: CommandLine['values']): Promise<GateRequest> {
  const file = str(values.config);
  const diff = str(values.diff);
  const base = str(values.base);
  const baseline = str(values.baseline);
  const optional = (flag: string, key: string) => (str(values[flag]) ? { [key]: str(values[flag]) } : {});
  return {
    config: async () => (await loadConfig(file)).config.gates,
    reports: {
      root: process.cwd(),
      coverage: list(values.coverage),
      pathMap: parsePathMap(
        list(values['path-map']),
        (e) => new UsageError(`--path-map must be FROM=TO, got "${e}"`),
      ),
      ...optional('duplication', 'duplication'),
      ...optional('base-duplication', 'baseDuplication'),
      security: list(values.security),
      ...optional('docs', 'documentation'),
    },
    diff: diff ? { from: 'file', file: diff } : base ? { from: 'base', ref: base } : { from: 'none' },
    baseline: baseline ? { from: 'file', file: baseline } : { from: 'none' },
    commit: 'local',
    now: new Date().toISOString(),
    store: { dataBranch: '', wanted: false, defaultBranchPush: false },
  };
}
