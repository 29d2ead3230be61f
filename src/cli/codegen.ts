import { basename, dirname, resolve } from 'node:path';
import { type CodegenTarget, checkTarget, checkTargets, configuredTargets } from '../codegen/check.js';
import { generateFromFile } from '../codegen/generate.js';
import { loadConfig } from '../config/load.js';
import { writeOutputDir } from '../fs/codegen-output.js';
import { type CliIO, parseCommandLine, UsageError } from './args.js';

const HELP = `Usage:
  shipkit codegen openapi <spec> --out <dir> [--zod] [--mocks] [--int64 string|bigint]
                          [--refs repository|spec-directory]
      generate types and a typed fetch client from an OpenAPI 3.0/3.1 or Swagger 2.0 spec
      (JSON or YAML, $refs across files). The directory is replaced whole, or left untouched on error;
      it must be new, empty or written by shipkit before (it holds .shipkit-codegen.json).
      Local $refs read only inside the repository holding the spec (--refs spec-directory: only
      inside the spec's directory); others, and URLs, are refused.
  shipkit codegen generate [--config <shipkit.yml>]
      regenerate every target of the codegen section of .github/shipkit.yml with its options
      (zod, mocks, int64) and write the ones that changed
  shipkit codegen check [--config <shipkit.yml>]
      regenerate every target of the codegen section in memory and compare with the committed
      output; exit 1 with an API-level summary (operations, parameters, schemas; breaking or not)`;

export async function run(args: string[], io: CliIO): Promise<number> {
  const options = {
    out: { type: 'string', short: 'o' },
    zod: { type: 'boolean' },
    mocks: { type: 'boolean' },
    int64: { type: 'string' },
    refs: { type: 'string' },
    config: { type: 'string' },
  } as const;
  const { values, positionals } = parseCommandLine(args, options, 'shipkit codegen');
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  const [verb, spec, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`, { hint: HELP });
  if (verb === 'openapi') {
    if (!spec) throw new UsageError('missing <spec>', { hint: HELP });
    const out = values.out;
    if (typeof out !== 'string' || out === '') throw new UsageError('missing --out <dir>', { hint: HELP });
    const int64 = values.int64 ?? 'string';
    if (int64 !== 'string' && int64 !== 'bigint') {
      throw new UsageError(`--int64 must be string or bigint, got ${JSON.stringify(int64)}`);
    }
    const refs = values.refs ?? 'repository';
    if (refs !== 'repository' && refs !== 'spec-directory') {
      throw new UsageError(`--refs must be repository or spec-directory, got ${JSON.stringify(refs)}`);
    }
    const started = performance.now();
    const g = await generateFromFile(spec, {
      int64,
      refs,
      zod: values.zod === true,
      mocks: values.mocks === true,
    });
    await writeOutputDir(resolve(out), g.files, {
      specFiles: [...g.model.spec.files.keys()],
      cwd: process.cwd(),
    });
    const ms = performance.now() - started;
    io.out(
      `${spec}: ${g.model.operations.length} operations, ${g.model.named.size} schemas → ${out}/ (${[...g.files.keys()].filter((f) => !f.startsWith('.')).join(', ')}) in ${ms.toFixed(0)} ms`,
    );
    for (const note of g.notes) io.err(`note: ${note}`);
    return 0;
  }
  if (verb === 'generate' || verb === 'check') {
    if (spec) throw new UsageError(`unexpected argument "${spec}"`, { hint: HELP });
    const loaded = await loadConfig(typeof values.config === 'string' ? values.config : undefined);
    const targets = configuredTargets(loaded);
    // Target paths are relative to the repository root: the folder holding .github/.
    const file = loaded.file ? resolve(loaded.file) : undefined;
    const root = file && basename(dirname(file)) === '.github' ? dirname(dirname(file)) : process.cwd();
    if (verb === 'generate') return generateTargets(targets, root, io);
    let stale = 0;
    for (const target of targets) {
      const result = await checkTarget(target, root);
      io.out(result.markdown);
      if (!result.upToDate) stale++;
    }
    if (stale > 0) {
      io.err(
        `${stale} of ${targets.length} codegen targets are out of date. Run \`shipkit codegen generate\` and commit the result.`,
      );
      return 1;
    }
    return 0;
  }
  throw new UsageError(verb ? `unknown codegen command "${verb}"` : 'missing codegen command', {
    hint: HELP,
  });
}

/** Regenerates every target (all of them in memory first) and rewrites the output of those that changed. */
async function generateTargets(targets: CodegenTarget[], root: string, io: CliIO): Promise<number> {
  const report = await checkTargets(targets, root);
  for (const c of report.checks) {
    for (const note of c.generated.notes) io.err(`note: ${c.target.spec}: ${note}`);
    if (!c.upToDate) {
      await writeOutputDir(resolve(root, c.target.out), c.generated.files, {
        specFiles: [...c.generated.model.spec.files.keys()],
        cwd: root,
      });
    }
    io.out(
      `${c.target.spec} → ${c.target.out}/: ${c.upToDate ? 'up to date' : `rewrote ${c.stale.join(', ')}`}`,
    );
  }
  return 0;
}
