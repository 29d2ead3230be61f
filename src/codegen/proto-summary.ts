import { markdownCell, markdownCode } from '../render/emit.js';
import type { EnumJson, FileJson, ImageJson, MessageJson } from './proto-image.js';

/** One API-level change, for OpenAPI and proto targets alike (`codegen check --json`). */
export interface TargetChange {
  kind: string;
  name: string;
  breaking: boolean;
  message: string;
}

/** A finding of `buf breaking --error-format=json`. */
export interface BufFinding {
  path?: string;
  start_line?: number;
  type: string;
  message: string;
}

type Surface = Map<string, { kind: string; sig: string }>;

/** Messages, fields, enums, enum values, services and methods of the target files, by full name. */
export function protoSurface(image: ImageJson, targets: Set<string>): Surface {
  const out: Surface = new Map();
  for (const file of image.file) {
    if (!targets.has(file.name)) continue;
    const pkg = file.package ? `${file.package}.` : '';
    for (const m of file.messageType ?? []) addMessage(out, m, pkg);
    for (const e of file.enumType ?? []) addEnum(out, e, pkg);
    for (const s of file.service ?? []) {
      out.set(`${pkg}${s.name}`, { kind: 'service', sig: file.name });
      for (const r of s.method ?? []) {
        const sig = `${r.clientStreaming ? 'stream ' : ''}${r.inputType} → ${r.serverStreaming ? 'stream ' : ''}${r.outputType}`;
        out.set(`${pkg}${s.name}.${r.name}`, { kind: 'method', sig });
      }
    }
  }
  return out;
}

function addMessage(out: Surface, m: MessageJson, prefix: string): void {
  if (m.options?.mapEntry) return;
  const name = `${prefix}${m.name}`;
  out.set(name, { kind: 'message', sig: '' });
  for (const f of m.field ?? []) {
    const type = f.typeName ?? (f.type ?? '').replace(/^TYPE_/, '').toLowerCase();
    out.set(`${name}.${f.name}`, {
      kind: 'field',
      sig: `${f.number} ${(f.label ?? '').replace(/^LABEL_/, '').toLowerCase()} ${type}`,
    });
  }
  for (const n of m.nestedType ?? []) addMessage(out, n, `${name}.`);
  for (const e of m.enumType ?? []) addEnum(out, e, `${name}.`);
}

function addEnum(out: Surface, e: EnumJson, prefix: string): void {
  const name = `${prefix}${e.name}`;
  out.set(name, { kind: 'enum', sig: '' });
  for (const v of e.value ?? []) out.set(`${name}.${v.name}`, { kind: 'enum value', sig: String(v.number) });
}

/**
 * What changed between the committed image and the new one, each change breaking exactly when
 * `buf breaking` reported it: a finding is matched to the change it names; a finding no change
 * explains is listed on its own (so every verdict of buf's is in the summary, and no other).
 */
export function protoChanges(
  before: ImageJson | undefined,
  beforeTargets: Set<string>,
  after: Surface,
  findings: BufFinding[],
): TargetChange[] {
  const old = before ? protoSurface(before, beforeTargets) : (new Map() as Surface);
  const changes: (TargetChange & { findings: BufFinding[] })[] = [];
  for (const name of [...new Set([...old.keys(), ...after.keys()])].sort()) {
    const a = old.get(name);
    const b = after.get(name);
    if (a && b && a.sig === b.sig && a.kind === b.kind) continue;
    const kind = (b ?? a)?.kind as string;
    const message = !a ? `${kind} added` : !b ? `${kind} removed` : `${kind} changed: ${a.sig} → ${b.sig}`;
    changes.push({ kind, name, breaking: false, message, findings: [] });
  }
  const unmatched: TargetChange[] = [];
  for (const f of findings) {
    const kind = findingKind(f.type);
    const quoted = [...f.message.matchAll(/"([^"]*)"/g)].map((m) => m[1] as string);
    const hit = changes.find((c) => c.kind === kind && names(c.name, kind, quoted));
    if (hit) hit.findings.push(f);
    else
      unmatched.push({
        kind,
        name: quoted.find((q) => /[A-Za-z]/.test(q)) ?? f.path ?? '',
        breaking: true,
        message: `${f.message} (${f.type})`,
      });
  }
  const matched = changes.map(({ findings: fs, ...c }) =>
    fs.length === 0
      ? c
      : { ...c, breaking: true, message: fs.map((f) => `${f.message} (${f.type})`).join(' ') },
  );
  return [...matched, ...unmatched];
}

/** The kind of declaration a buf breaking rule is about (FIELD_NO_DELETE → field). */
function findingKind(rule: string): string {
  const r = rule.replace(/^PACKAGE_/, '').replace(/^FILE_SAME_/, 'FILE_');
  if (r.startsWith('ENUM_VALUE')) return 'enum value';
  if (r.startsWith('ENUM')) return 'enum';
  if (r.startsWith('FIELD') || r.startsWith('ONEOF')) return 'field';
  if (r.startsWith('MESSAGE')) return 'message';
  if (r.startsWith('SERVICE')) return 'service';
  if (r.startsWith('RPC')) return 'method';
  return 'file';
}

/** Does a finding's quoted names name this declaration (and, for a member, its parent)? */
function names(fullName: string, kind: string, quoted: string[]): boolean {
  const parts = fullName.split('.');
  const own = parts[parts.length - 1] as string;
  const matches = (q: string, full: string) => full === q || full.endsWith(`.${q}`);
  if (!quoted.some((q) => q === own || matches(q, fullName))) return false;
  if (kind !== 'field' && kind !== 'enum value' && kind !== 'method') return true;
  const parent = parts.slice(0, -1).join('.');
  return quoted.some((q) => q !== own && matches(q, parent));
}

/** The target's changes as Markdown: counts by kind, then a table, breaking first. */
export function renderTargetChanges(label: string, changes: TargetChange[]): string {
  if (changes.length === 0) return `**${label}**: the API is unchanged (only the generated text differs).\n`;
  const kinds = [...new Set(changes.map((c) => c.kind))].sort();
  const counts = kinds.map((k) => `${changes.filter((c) => c.kind === k).length} ${k}`).join(', ');
  const breaking = changes.filter((c) => c.breaking).length;
  const lines = [
    `**${label}**: ${changes.length} changes (${counts}); **${breaking} breaking** by buf's rules.`,
    '',
    '| | kind | name | change |',
    '|---|---|---|---|',
  ];
  const sorted = [...changes].sort((x, y) => Number(y.breaking) - Number(x.breaking));
  for (const c of sorted.slice(0, 200)) {
    lines.push(
      `| ${c.breaking ? '⚠️ breaking' : ''} | ${markdownCell(c.kind)} | ${markdownCode(c.name)} | ${markdownCell(c.message)} |`,
    );
  }
  if (sorted.length > 200) lines.push(`| | … | ${sorted.length - 200} more | |`);
  return `${lines.join('\n')}\n`;
}

export type { FileJson };
