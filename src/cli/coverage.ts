import { resolve } from 'node:path';
import { FORMAT_NAMES } from '../gate/coverage/detect.js';
import { parsePathMap } from '../gate/coverage/paths.js';
import { readCoverage } from '../gate/coverage/read.js';
import { fileRows, filesText, summaryJson, summaryText } from '../gate/coverage/render.js';
import { summarize } from '../gate/coverage/summary.js';
import { jsonForLog } from '../render/log.js';
import { type CliIO, parseCommandLine, UsageError } from './args.js';

const HELP = `Usage:
  shipkit coverage summary <report|glob>... [--files] [--json]
      Reads coverage reports (lcov, Cobertura, Clover, JaCoCo XML, Istanbul coverage-final.json and
      coverage-summary.json, Go coverprofile, coverage.py JSON; the format is read from the content),
      merges them by file and line (shards of a matrix), and prints totals like \`lcov --summary\`.
      --files               also list each file's figures
      --json                print {"files", "lines", "statements", "branches", "functions", "approximate"}
      --root DIR            the repository root report paths are made relative to (default: .);
                            paths written on another machine are matched to its files by their
                            longest common suffix, and files it does not hold are summed as named
      --path-map FROM=TO    rewrite a path prefix first (repeatable), e.g. --path-map /app/=`;

export async function run(args: string[], io: CliIO): Promise<number> {
  const options = {
    files: { type: 'boolean' },
    json: { type: 'boolean' },
    root: { type: 'string' },
    'path-map': { type: 'string', multiple: true },
  } as const;
  const { values, positionals } = parseCommandLine(args, options, 'shipkit coverage');
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  const [verb, ...reports] = positionals;
  if (verb !== 'summary') {
    throw new UsageError(verb ? `unknown coverage command "${verb}"` : 'missing coverage command', {
      hint: HELP,
    });
  }
  if (reports.length === 0) throw new UsageError('name at least one coverage report', { hint: HELP });
  const pathMap = parsePathMap(
    (values['path-map'] as string[] | undefined) ?? [],
    (entry) => new UsageError(`--path-map takes FROM=TO, got "${entry}"`),
  );
  const root = resolve(typeof values.root === 'string' ? values.root : '.');
  const report = await readCoverage(reports, {
    root,
    cwd: process.cwd(),
    pathMap,
    keepOutside: true,
    warn: (w) => io.err(`warning: ${w}`),
  });
  const totals = summarize(report);
  if (values.json) {
    const json: Record<string, unknown> = summaryJson(totals, report);
    if (values.files) {
      json.byFile = Object.fromEntries(
        fileRows(report).map(([p, t]) => {
          const { files: _f, approximate: _a, ...rest } = summaryJson(t, report);
          return [p, rest];
        }),
      );
    }
    io.out(jsonForLog(json));
    return 0;
  }
  const formats = [...new Set(report.reports.map((r) => FORMAT_NAMES[r.format]))].join(', ');
  const lines = [`Reading ${report.reports.length} report(s) (${formats}): ${totals.files} file(s)`];
  if (values.files) lines.push(filesText(report));
  lines.push(summaryText(totals, report));
  io.out(lines.join('\n'));
  return 0;
}
