import { join, resolve } from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import { ShipkitError } from '../errors.js';
import { isDirectory, listDirectoryIfReadable, pathExists } from '../fs/list.js';
import { readTextIfExists } from '../fs/read.js';
import { type GenerateOptions, generateFromFile } from './generate.js';
import { type ApiChange, type ApiSummary, diffSummaries, renderChanges } from './summary.js';
import { apiSummarySchema } from './summary-schema.js';
import { type Buf, breakingFindings, openProto, PROTO_IMAGE } from './proto.js';
import type { ImageJson } from './proto-image.js';
import type { BreakingCategory } from './proto-input.js';
import { protoChanges, protoSurface, renderTargetChanges, type TargetChange } from './proto-summary.js';
import { GENERATED_NAMES, MARKER, readMarker } from './write.js';

export interface CodegenTarget extends GenerateOptions {
  spec: string;
  out: string;
  /** Proto targets: directories imports resolve from. */
  include?: string[];
  /** Proto targets: buf's breaking-change category. */
  breaking?: BreakingCategory;
}

export interface TargetCheck {
  target: CodegenTarget;
  /** What a regeneration writes (file name inside the output directory → content). */
  files: Map<string, string>;
  /** What the spec was read from (the output guard refuses a directory holding them). */
  specFiles: string[];
  notes: string[];
  upToDate: boolean;
  /** Files that differ from what is on disk (or are missing). */
  stale: string[];
  /** Files in the output directory that a regeneration removes. */
  deletes: string[];
  changes: TargetChange[];
  markdown: string;
}

/** A target whose spec is a .proto file, a buf.yaml or a directory (of .proto files or a buf module). */
export function isProtoTarget(target: { spec: string }, cwd: string): boolean {
  if (/\.proto$|(^|[\\/])buf\.yaml$/.test(target.spec)) return true;
  const path = resolve(cwd, target.spec);
  return isDirectory(path);
}

/** The targets of shipkit.yml's codegen section; none is an error naming the file. */
export function configuredTargets(loaded: LoadedConfig): CodegenTarget[] {
  const targets: CodegenTarget[] = loaded.config.codegen?.targets ?? [];
  if (targets.length === 0) {
    throw new ShipkitError('no codegen targets configured', {
      hint: 'List them under `codegen: targets:` in .github/shipkit.yml (spec, out).',
      location: loaded.file ? { file: loaded.file } : undefined,
    });
  }
  return targets;
}

function readGenerated(path: string, file: string): string | undefined {
  return readTextIfExists(path, { kind: 'source', what: 'the generated file', file });
}

/** Regenerates a target in memory and compares it with the files in its output directory. */
export async function checkTarget(
  target: CodegenTarget,
  cwd: string,
  buf?: () => Promise<Buf>,
): Promise<TargetCheck> {
  if (isProtoTarget(target, cwd)) {
    if (!buf)
      throw new ShipkitError(`${target.spec}: proto targets need buf`, { location: { file: target.spec } });
    return checkProtoTarget(target, cwd, await buf());
  }
  const generated = await generateFromFile(target.spec, target, cwd);
  const outDir = resolve(cwd, target.out);
  const stale: string[] = [];
  for (const [name, text] of generated.files) {
    const current = readGenerated(join(outDir, name), `${target.out}/${name}`);
    if (current !== text) stale.push(name);
  }
  let before: ApiSummary = { operations: {}, schemas: {} };
  const committed = readGenerated(join(outDir, 'api-summary.json'), `${target.out}/api-summary.json`);
  if (committed) {
    // An unreadable or damaged summary counts as none: every operation shows as added.
    const parsed = apiSummarySchema.safeParse(parseJson(committed));
    if (parsed.success) before = parsed.data;
  }
  const apiChanges = stale.length === 0 ? [] : diffSummaries(before, generated.summary);
  const label = `${target.spec} → ${target.out}`;
  const markdown =
    stale.length === 0
      ? `**${label}**: up to date.\n`
      : `${renderChanges(label, apiChanges)}\nFiles to regenerate: ${stale.map((f) => `\`${f}\``).join(', ')}.\n`;
  const deletes = GENERATED_NAMES.filter((n) => !generated.files.has(n) && pathExists(join(outDir, n)));
  return {
    target,
    files: generated.files,
    specFiles: [...generated.model.spec.files.keys()],
    notes: generated.notes,
    upToDate: stale.length === 0,
    stale,
    deletes,
    changes: apiChanges.map(asTargetChange),
    markdown,
  };
}

function asTargetChange(c: ApiChange): TargetChange {
  return {
    kind: c.kind,
    name: c.what,
    breaking: c.breaking,
    message: `${c.kind} ${c.change}${c.detail ? `: ${c.detail}` : ''}`,
  };
}

/** A proto target: regenerated through buf; its changes judged by `buf breaking` against the committed image. */
async function checkProtoTarget(target: CodegenTarget, cwd: string, buf: Buf): Promise<TargetCheck> {
  const session = await openProto(
    [target.spec],
    { include: target.include, mocks: target.mocks, breaking: target.breaking },
    cwd,
    buf,
  );
  try {
    const { files, image, targets } = session.generated;
    const outDir = resolve(cwd, target.out);
    const stale: string[] = [];
    for (const [name, text] of files) {
      if (readGenerated(join(outDir, name), `${target.out}/${name}`) !== text) stale.push(name);
    }
    const deletes = filesUnder(outDir).filter((n) => !files.has(n));
    stale.push(...deletes);
    let changes: TargetChange[] = [];
    if (stale.length > 0) {
      const committed = readGenerated(join(outDir, PROTO_IMAGE), `${target.out}/${PROTO_IMAGE}`);
      const before = committed === undefined ? undefined : (parseJson(committed) as ImageJson | undefined);
      const marker = readMarker(readGenerated(join(outDir, MARKER), `${target.out}/${MARKER}`) ?? '');
      const beforeTargets = new Set(marker?.targets ?? []);
      const findings = before?.file
        ? await breakingFindings(session, join(outDir, PROTO_IMAGE), session.generated.committed)
        : [];
      changes = protoChanges(
        before?.file ? before : undefined,
        beforeTargets,
        protoSurface(image, targets),
        findings,
      );
    }
    const label = `${target.spec} → ${target.out}`;
    const markdown =
      stale.length === 0
        ? `**${label}**: up to date.\n`
        : `${renderTargetChanges(label, changes)}\nFiles to regenerate: ${stale.length}.\n`;
    return {
      target,
      files,
      specFiles: session.generated.specFiles,
      notes: [],
      upToDate: stale.length === 0,
      stale,
      deletes,
      changes,
      markdown,
    };
  } finally {
    session.close();
  }
}

/** Every file under dir (relative, posix); none when it does not exist. */
function filesUnder(dir: string, prefix = '', out: string[] = []): string[] {
  const entries = listDirectoryIfReadable(join(dir, prefix)) ?? [];
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.kind === 'directory') filesUnder(dir, rel, out);
    else out.push(rel);
  }
  return out;
}

export interface DriftReport {
  checks: TargetCheck[];
  stale: boolean;
  /** Repository path (posix) → content, for every stale target's files. */
  files: Map<string, string>;
  deletes: string[];
  markdown: string;
}

/** Checks every target; collects what a regeneration would write, and the summary. */
export async function checkTargets(
  targets: CodegenTarget[],
  cwd: string,
  buf?: () => Promise<Buf>,
): Promise<DriftReport> {
  const checks: TargetCheck[] = [];
  const files = new Map<string, string>();
  const deletes: string[] = [];
  for (const target of targets) {
    const check = await checkTarget(target, cwd, buf);
    checks.push(check);
    if (check.upToDate) continue;
    const dir = target.out.replace(/\\/g, '/').replace(/\/+$/, '').replace(/^\.\//, '');
    for (const [name, text] of check.files) files.set(`${dir}/${name}`, text);
    for (const name of check.deletes) deletes.push(`${dir}/${name}`);
  }
  const stale = checks.some((c) => !c.upToDate);
  const markdown = [
    '## shipkit codegen',
    '',
    stale
      ? 'The generated clients are out of date with their specs.'
      : 'Every generated client matches its spec.',
    '',
    ...checks.map((c) => c.markdown),
  ].join('\n');
  return { checks, stale, files, deletes, markdown };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `codegen check --json`: every target's API changes, OpenAPI and proto alike. */
export function changesJson(checks: TargetCheck[]): { targets: { spec: string; changes: TargetChange[] }[] } {
  return { targets: checks.map((c) => ({ spec: c.target.spec, changes: c.changes })) };
}
