import { markdownText } from '../render/markdown.js';
import {
  ACTIVITY_NAMES,
  type ActivityFigure,
  countList,
  figure,
  keyFigures,
  num,
  safeUrl,
  STATUS_MARK,
  signed,
  title,
  VERDICT_WORDS,
} from './figures.js';
import { isNotAvailable, type NotAvailable, type ReportSnapshot } from './snapshot.js';

/**
 * report.md: GitHub Markdown for the job summary, the weekly issue and team docs. Every text that
 * came from outside (names, titles, tags, reasons) goes through markdownText: it shows as text,
 * mentions do not notify, and nothing opens a tag or a link.
 */

const t = markdownText;

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(head: string[], rows: string[][]): string[] {
  return [row(head), row(head.map(() => '---')), ...rows.map(row)];
}

function notAvailable(value: NotAvailable): string[] {
  return [`_n/a: ${t(value.reason)}_`];
}

function checkpoint(s: ReportSnapshot): string[] {
  const v = VERDICT_WORDS[s.checkpoint.verdict];
  const rows = s.checkpoint.checks.map((c) => [
    `${STATUS_MARK[c.status] ?? ''} ${c.status}`,
    t(c.title),
    c.required ? 'yes' : 'no',
    c.value === undefined ? '' : t(typeof c.value === 'number' ? num(c.value) : c.value),
    c.threshold === undefined ? '' : t(typeof c.threshold === 'number' ? num(c.threshold) : c.threshold),
    t(c.reason ?? ''),
  ]);
  return [
    `**Checkpoint: ${v.mark} ${v.label}**: ${v.meaning}.`,
    '',
    ...table(['Status', 'Check', 'Required', 'Value', 'Threshold', 'Reason'], rows),
  ];
}

function activity(s: ReportSnapshot): string[] {
  const a = s.activity;
  const names = ACTIVITY_NAMES;
  const rows = (Object.keys(names) as ActivityFigure[]).map((k) => {
    const v = a[k];
    return [names[k], figure(v), t(isNotAvailable(v) ? v.reason : (a.sources[k] ?? ''))];
  });
  return table(['Figure', 'Value', 'Source'], rows);
}

function tests(s: ReportSnapshot): string[] {
  const x = s.tests;
  if (isNotAvailable(x)) return notAvailable(x);
  const conclusions = countList(x.byConclusion, t);
  const out = [
    `${x.runs} default-branch workflow runs (${conclusions || 'none'}); pass rate ${x.passRate === null ? 'n/a' : `${num(x.passRate)} %`}; latest: ${t(x.latestConclusion ?? 'none')}.`,
  ];
  const list = (head: string, ws: typeof x.slowest) =>
    ws.length === 0
      ? []
      : [
          '',
          ...table(
            [head, 'Runs', 'Failures', 'Flaky', 'Median'],
            ws.map((w) => [
              t(w.name),
              String(w.runs),
              String(w.failures),
              String(w.flaky),
              w.medianSeconds === undefined ? '' : `${num(w.medianSeconds)} s`,
            ]),
          ),
        ];
  return [
    ...out,
    ...list('Slowest workflows', x.slowest),
    ...list('Flakiest workflows', x.flakiest),
    '',
    `_Source: ${t(x.source)}_`,
  ];
}

function coverage(s: ReportSnapshot): string[] {
  const c = s.coverage;
  if (isNotAvailable(c)) return notAvailable(c);
  return [
    `Line coverage ${figure(c.current, ' %')} (a week earlier: ${figure(c.previous, ' %')}${c.change === null ? '' : `, ${signed(c.change)} points`}); ${c.series.length} point(s) in the trend.`,
    '',
    `_Source: ${t(c.source)}_`,
  ];
}

function performance(s: ReportSnapshot): string[] {
  const p = s.performance;
  if (isNotAvailable(p)) return notAvailable(p);
  const rows = p.benchmarks.map((b) => [
    t(b.name),
    `${num(b.current)} ${t(b.unit)}`,
    b.previous === undefined ? '' : `${num(b.previous)} ${t(b.unit)}`,
    b.changePercent === undefined ? '' : `${signed(b.changePercent)} %`,
    b.direction === 'smaller' ? 'smaller is better' : 'bigger is better',
  ]);
  return [...table(['Benchmark', 'Now', 'Week before', 'Change', ''], rows), '', `_Source: ${t(p.source)}_`];
}

function security(s: ReportSnapshot): string[] {
  const part = (name: string, x: ReportSnapshot['security']['codeScanning']) => {
    if (isNotAvailable(x)) return `- ${name}: n/a: ${t(x.reason)}`;
    const sev = countList(x.bySeverity, t);
    return `- ${name}: ${x.open} open${sev ? ` (${sev})` : ''}. _Source: ${t(x.source)}_`;
  };
  return [part('Code scanning', s.security.codeScanning), part('Dependabot', s.security.dependabot)];
}

function releases(s: ReportSnapshot): string[] {
  const out: string[] = [];
  if (isNotAvailable(s.releases)) out.push(...notAvailable(s.releases));
  else if (s.releases.length === 0) out.push('No release in the window.');
  else {
    for (const r of s.releases) {
      const url = safeUrl(r.url);
      const tag = url ? `[${t(r.tag)}](${url})` : t(r.tag);
      out.push(`- ${tag}${r.name && r.name !== r.tag ? `: ${t(r.name)}` : ''} (${r.date.slice(0, 10)})`);
    }
  }
  const d = s.deployments;
  out.push('');
  if (isNotAvailable(d)) out.push(`Deployments: n/a: ${t(d.reason)}`);
  else {
    const envs = countList(d.byEnvironment, t);
    const dora = d.dora;
    out.push(
      `Deployments: ${d.count}${envs ? ` (${envs})` : ''}. DORA: deployment frequency ${figure(dora.deploymentFrequencyPerWeek, '/week')}, lead time ${figure(dora.leadTimeHours, ' h')}, change failure rate ${figure(dora.changeFailureRate, ' %')}, time to restore ${figure(dora.timeToRestoreHours, ' h')}. _Source: ${t(d.source)}_`,
    );
  }
  return out;
}

function velocity(s: ReportSnapshot): string[] {
  const v = s.velocity;
  if (isNotAvailable(v)) return notAvailable(v);
  const points =
    v.pointsClosed === undefined
      ? ''
      : `, ${num(v.pointsClosed)}${v.pointsTotal === undefined ? '' : ` of ${num(v.pointsTotal)}`} points`;
  return [
    `${t(v.milestone)}: ${v.closedIssues} issue(s) closed, ${v.openIssues} open${points}. _Source: ${t(v.source)}_`,
  ];
}

function blocking(s: ReportSnapshot): string[] {
  const b = s.blockingIssues;
  if (isNotAvailable(b)) return notAvailable(b);
  if (b.open === 0) return [`No open issue labelled ${t(b.label)}.`];
  return [
    `${b.open} open issue(s) labelled ${t(b.label)}:`,
    ...b.issues.map((i) => `- #${i.number} ${t(i.title)}`),
  ];
}

export function reportMarkdown(s: ReportSnapshot): string {
  const run = safeUrl(s.runUrl);
  const lines = [
    `# ${t(title(s))}`,
    '',
    ...checkpoint(s),
    '',
    keyFigures(s)
      .map((f) => `**${t(f.label)}**: ${t(f.value)}`)
      .join(' · '),
    '',
    `_Window: ${s.window.from} to ${s.window.to} (end exclusive). Generated ${s.generatedAt}${run ? ` by [this run](${run})` : ''}._`,
  ];
  if (s.narrative)
    lines.push(
      '',
      '## Summary',
      '',
      t(s.narrative.text),
      '',
      `_Drafted by ${t(s.narrative.model)} from this report's figures._`,
    );
  const sections: [string, string[]][] = [
    ['Activity', activity(s)],
    ['Tests and build', tests(s)],
    ['Coverage', coverage(s)],
    ['Performance', performance(s)],
    ['Security', security(s)],
    ['Releases and deployments', releases(s)],
    ['Velocity', velocity(s)],
    ['Blocking issues', blocking(s)],
  ];
  for (const [head, body] of sections) lines.push('', `## ${head}`, '', ...body);
  return `${lines.join('\n')}\n`;
}
