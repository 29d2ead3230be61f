import { basename, dirname, resolve } from 'node:path';
import type { CodegenJob } from '../codegen/request.js';
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
  shipkit codegen proto <dir|buf.yaml|file.proto...> --out <dir> [--include <dir>]... [--mocks]
      compile with buf and generate TypeScript with protoc-gen-es (target=ts), plus a typed Connect-ES
      client per service (<file>_client.ts: deadlines, retries of idempotent methods, ConnectError)
      and, with --mocks, an in-memory transport per service (<file>_mock.ts). Well-known types
      resolve by themselves; other imports from buf.yaml deps or --include directories. buf comes
      from SHIPKIT_BUF, PATH or the tools cache (installed from npm, @bufbuild/buf@1.75.0).
  shipkit codegen generate [--config <shipkit.yml>]
      regenerate every target of the codegen section of .github/shipkit.yml with its options
      (zod, mocks, int64) and write the ones that changed
  shipkit codegen check [--config <shipkit.yml>] [--json] [--out <file>]
      regenerate every target of the codegen section in memory and compare with the committed
      output; exit 1 with an API-level summary (OpenAPI: operations, parameters, schemas; proto:
      messages, fields, enums, services, methods, breaking exactly when \`buf breaking\` says so).
      --json: {"targets": [{"spec", "changes": [{"kind", "name", "breaking", "message"}]}]}
      --out writes the outcome as JSON: the codegen action's \`result\` output for the same inputs`;

export async function run(args: string[], io: CliIO): Promise<number> {
  const options = {
    out: { type: 'string', short: 'o' },
    zod: { type: 'boolean' },
    mocks: { type: 'boolean' },
    int64: { type: 'string' },
    refs: { type: 'string' },
    config: { type: 'string' },
    include: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  } as const;
  const { values, positionals } = parseCommandLine(args, options, 'shipkit codegen');
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  const [verb, spec, ...extra] = positionals;
  // Each verb loads what it uses: `codegen proto` neither the OpenAPI generator nor the config schema.
  if (verb === 'proto') return generateProtoCommand(positionals.slice(1), values, io);
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
    const { generateFromFile } = await import('../codegen/generate.js');
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
    // Loaded here: `codegen openapi` needs none of them (the config schema, buf, proto, zod).
    const [
      { loadConfig },
      { changesJson, configuredTargets },
      { codegenJob },
      { bufTools },
      { writeFileAtomic },
    ] = await Promise.all([
      import('../config/load.js'),
      import('../codegen/check.js'),
      import('../codegen/request.js'),
      import('../process/buf.js'),
      import('../fs/atomic.js'),
    ]);
    const loaded = await loadConfig(typeof values.config === 'string' ? values.config : undefined);
    const targets = configuredTargets(loaded);
    // Target paths are relative to the repository root: the folder holding .github/.
    const file = loaded.file ? resolve(loaded.file) : undefined;
    const root = file && basename(dirname(file)) === '.github' ? dirname(dirname(file)) : process.cwd();
    const job = await codegenJob({ mode: verb, root, targets, buf: bufTools });
    if (verb === 'generate') return generateTargets(job, root, io);
    if (typeof values.out === 'string' && values.out !== '') {
      await writeFileAtomic(resolve(values.out), `${JSON.stringify(job.outcome)}\n`);
    }
    const checks = job.report.checks;
    if (values.json === true) io.out(JSON.stringify(changesJson(checks), null, 2));
    else for (const c of checks) io.out(c.markdown);
    const stale = checks.filter((c) => !c.upToDate).length;
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
async function generateTargets({ report }: CodegenJob, root: string, io: CliIO): Promise<number> {
  for (const c of report.checks) {
    for (const note of c.notes) io.err(`note: ${c.target.spec}: ${note}`);
    if (!c.upToDate) {
      await writeOutputDir(resolve(root, c.target.out), c.files, {
        specFiles: c.specFiles,
        cwd: root,
      });
    }
    io.out(
      `${c.target.spec} → ${c.target.out}/: ${c.upToDate ? 'up to date' : `rewrote ${c.stale.join(', ')}`}`,
    );
  }
  return 0;
}

async function generateProtoCommand(
  specs: string[],
  values: { out?: string | boolean; include?: (string | boolean)[]; mocks?: string | boolean },
  io: CliIO,
): Promise<number> {
  if (specs.length === 0) throw new UsageError('missing <dir|buf.yaml|file.proto>', { hint: HELP });
  const out = values.out;
  if (typeof out !== 'string' || out === '') throw new UsageError('missing --out <dir>', { hint: HELP });
  const include = (values.include ?? []).filter((d): d is string => typeof d === 'string');
  const [{ generateProto }, { bufTools }] = await Promise.all([
    import('../codegen/proto.js'),
    import('../process/buf.js'),
  ]);
  const started = performance.now();
  const g = await generateProto(
    specs,
    { include, mocks: values.mocks === true },
    process.cwd(),
    await bufTools(),
  );
  await writeOutputDir(resolve(out), g.files, { specFiles: g.specFiles, cwd: process.cwd() });
  const ms = performance.now() - started;
  io.out(
    `${specs.join(' ')}: ${g.targets.size} .proto files, ${g.services} services → ${out}/ (${g.files.size} files) in ${ms.toFixed(0)} ms`,
  );
  return 0;
}
