import { gateWithId } from './gates.js';
import { markdownText, truncate } from '../render/markdown.js';
import { type GateResult, pct, type Status } from './result.js';
import type { FileRow, GateRun, UncoveredRange } from './run.js';

const ICON: Record<Status, string> = { pass: '✅', warn: '⚠️', fail: '❌' };
const WORD: Record<Status, string> = { pass: 'passed', warn: 'passed with warnings', fail: 'failed' };

function table(rows: string[][]): string {
  const [head, ...body] = rows;
  if (!head) return '';
  const line = (r: string[]) => `| ${r.map(markdownText).join(' | ')} |`;
  return [line(head), `|${head.map(() => ' --- ').join('|')}|`, ...body.map(line)].join('\n');
}

function statusText(r: GateResult): string {
  if (r.informational && r.breached) return 'ℹ️ informational (target missed)';
  return `${ICON[r.status]} ${r.status}`;
}

function overview(run: GateRun): string {
  return table([
    ['Gate', 'Status', 'Result'],
    ...run.results.map((r) => [r.title, statusText(r), r.summary]),
  ]);
}

function headline(run: GateRun, title: string): string {
  return `## ${ICON[run.verdict]} ${title}: ${WORD[run.verdict]}`;
}

/** The job summary: every gate with all its details. */
export function renderSummary(run: GateRun, title = 'shipkit gate'): string {
  const parts = [headline(run, title), '', overview(run), ''];
  for (const r of run.results) {
    if (!r.notes.length && !r.table) continue;
    parts.push(`### ${markdownText(r.title)}`, '');
    for (const n of r.notes) parts.push(`- ${n}`);
    if (r.notes.length) parts.push('');
    if (r.table) parts.push(table(r.table), '');
  }
  if (run.files.length) parts.push('### Files, worst first', '', fileTable(run.files), '');
  return parts.join('\n');
}

function fileTable(rows: readonly FileRow[]): string {
  const hasPatch = rows.some((r) => r.patch);
  return table([
    ['File', 'Coverage', 'Lines', ...(hasPatch ? ['Changed lines covered'] : [])],
    ...rows.map((r) => [
      r.path,
      pct(r.percent),
      `${r.covered}/${r.total}`,
      ...(hasPatch ? [r.patch ? `${r.patch.covered}/${r.patch.total}` : '–'] : []),
    ]),
  ]);
}

/**
 * The sticky pull request comment: the overview, notes, and files worst first, cut to fit under
 * `limit` characters (GitHub takes 65,536) with a note saying how many files were left out.
 */
export function renderComment(run: GateRun, limit = 60_000, title = 'shipkit gate'): string {
  const parts = [headline(run, title), '', overview(run), ''];
  for (const r of run.results) for (const n of r.notes) parts.push(`- **${markdownText(r.title)}:** ${n}`);
  let text = `${parts.join('\n')}\n`;
  const shown = new Set<string>();
  for (const r of run.results) {
    const details = gateWithId(r.id)?.comment;
    if (!details || !r.table || shown.has(r.id)) continue;
    shown.add(r.id);
    text += `\n<details><summary>${details.details}</summary>\n\n${table(r.table.slice(0, details.rows + 1))}\n\n</details>\n`;
  }
  if (!run.files.length) return truncate(text, limit);
  const head = `\n### Files, worst first\n\n`;
  const note = (left: number) =>
    `\n\n_${left} more file(s) not shown: the comment is limited in size; the job summary lists them all._\n`;
  let rows = run.files.length;
  let body = fileTable(run.files);
  while (text.length + head.length + body.length + note(0).length > limit && rows > 0) {
    rows = Math.max(0, Math.floor(rows * 0.8) - 1);
    body = fileTable(run.files.slice(0, rows));
  }
  return truncate(
    `${text}${head}${body}${rows < run.files.length ? note(run.files.length - rows) : '\n'}`,
    limit,
  );
}

/**
 * Step outputs: `verdict`, then `<gate>-<figure>` for each gate, e.g. `coverage-percent`. Components,
 * whose names the config chooses, are one `components` output (JSON: name → status and figures), so
 * every output name is fixed and declared in action.yml.
 */
export function gateOutputs(run: GateRun): Record<string, string> {
  const out: Record<string, string> = { verdict: run.verdict };
  const components: Record<string, Record<string, string | number>> = {};
  for (const r of run.results) {
    if (r.id.startsWith('component-')) {
      components[r.id.slice('component-'.length)] = { status: r.status, ...r.outputs };
      continue;
    }
    out[`${r.id}-status`] = r.status;
    for (const [k, v] of Object.entries(r.outputs)) out[`${r.id}-${k}`] = String(v);
  }
  if (Object.keys(components).length > 0) out.components = JSON.stringify(components);
  return out;
}

export interface LineAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'warning';
  title: string;
  message: string;
}

/** One annotation per uncovered stretch of changed lines, and nowhere else. */
export function uncoveredAnnotations(ranges: readonly UncoveredRange[]): LineAnnotation[] {
  return ranges.map((r) => ({
    path: r.path,
    start_line: r.start,
    end_line: r.end,
    annotation_level: 'warning',
    title: 'Not covered by tests',
    message:
      r.start === r.end
        ? `Line ${r.start} was added or changed and no test ran it.`
        : `Lines ${r.start}-${r.end} were added or changed and no test ran them.`,
  }));
}
