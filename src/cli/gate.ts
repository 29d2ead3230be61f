import { resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { readText } from '../fs/read.js';
import { type GateSummary, parseGateSummary } from '../gate/baseline.js';
import { parsePathMap } from '../gate/coverage/paths.js';
import type { DiffFile } from '../gate/diff.js';
import { gitDiff, readDiffFile, readReports } from '../gate/load.js';
import { exitCodeOf, gateOutcome } from '../gate/outcome.js';
import { localGit } from '../process/git.js';
import { jsonForLog } from '../render/log.js';
import { type CliIO, parseCommandLine, UsageError } from './args.js';

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
  const root = process.cwd();
  const loaded = await loadConfig(str(values.config));
  const config = loaded.config.gates;
  const warn = (m: string) => io.err(`warning: ${m}`);
  const reports = await readReports(
    {
      root,
      coverage: list(values.coverage),
      pathMap: parsePathMap(
        list(values['path-map']),
        (e) => new UsageError(`--path-map must be FROM=TO, got "${e}"`),
      ),
      ...(str(values.duplication) ? { duplication: str(values.duplication) } : {}),
      ...(str(values['base-duplication']) ? { baseDuplication: str(values['base-duplication']) } : {}),
      security: list(values.security),
      ...(str(values.docs) ? { documentation: str(values.docs) } : {}),
    },
    warn,
  );
  let diff: DiffFile[] | undefined;
  if (str(values.diff)) diff = readDiffFile(root, str(values.diff) as string);
  else if (str(values.base)) diff = await gitDiff(localGit(root), str(values.base) as string);
  const baselineFile = str(values.baseline);
  const baseline = baselineFile ? readBaseline(baselineFile) : undefined;
  const now = new Date().toISOString();
  const outcome = gateOutcome(
    {
      config,
      ...reports,
      ...(diff ? { diff } : {}),
      ...(baseline ? { baseline } : {}),
      today: now.slice(0, 10),
    },
    'local',
    now,
  );
  for (const w of outcome.warnings) warn(w);
  const outFile = str(values.out);
  if (outFile) await writeFileAtomic(resolve(outFile), `${JSON.stringify(outcome, null, 2)}\n`);
  io.out(values.json ? jsonForLog(outcome) : outcome.summary);
  return exitCodeOf(outcome);
}

function readBaseline(file: string): GateSummary {
  const text = readText(resolve(file), { kind: 'report', what: 'the baseline', file });
  return parseGateSummary(text, file);
}
