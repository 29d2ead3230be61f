import { join, resolve } from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import { ShipkitError } from '../errors.js';
import { pathExists } from '../fs/list.js';
import { readTextIfExists } from '../fs/read.js';
import { type Generated, type GenerateOptions, generateFromFile } from './generate.js';
import {
  type ApiChange,
  type ApiSummary,
  apiSummarySchema,
  diffSummaries,
  renderChanges,
} from './summary.js';
import { GENERATED_NAMES } from './write.js';

export interface CodegenTarget extends GenerateOptions {
  spec: string;
  out: string;
}

export interface TargetCheck {
  target: CodegenTarget;
  generated: Generated;
  upToDate: boolean;
  /** Files that differ from what is on disk (or are missing). */
  stale: string[];
  changes: ApiChange[];
  markdown: string;
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
export async function checkTarget(target: CodegenTarget, cwd: string): Promise<TargetCheck> {
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
  const changes = stale.length === 0 ? [] : diffSummaries(before, generated.summary);
  const label = `${target.spec} → ${target.out}`;
  const markdown =
    stale.length === 0
      ? `**${label}**: up to date.\n`
      : `${renderChanges(label, changes)}\nFiles to regenerate: ${stale.map((f) => `\`${f}\``).join(', ')}.\n`;
  return { target, generated, upToDate: stale.length === 0, stale, changes, markdown };
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
export async function checkTargets(targets: CodegenTarget[], cwd: string): Promise<DriftReport> {
  const checks: TargetCheck[] = [];
  const files = new Map<string, string>();
  const deletes: string[] = [];
  for (const target of targets) {
    const check = await checkTarget(target, cwd);
    checks.push(check);
    if (check.upToDate) continue;
    const dir = target.out.replace(/\\/g, '/').replace(/\/+$/, '').replace(/^\.\//, '');
    for (const [name, text] of check.generated.files) files.set(`${dir}/${name}`, text);
    for (const name of GENERATED_NAMES) {
      if (check.generated.files.has(name)) continue;
      if (pathExists(join(resolve(cwd, target.out), name))) deletes.push(`${dir}/${name}`);
    }
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
