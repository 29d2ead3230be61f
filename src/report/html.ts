import { xmlText } from '../perf/trend-svg.js';
import { barChart, lineChart } from './chart.js';
import {
  ACTIVITY_NAMES,
  type ActivityFigure,
  countList,
  figure,
  keyFigures,
  num,
  safeUrl,
  signed,
  title,
  VERDICT_WORDS,
} from './figures.js';
import { isNotAvailable, type NotAvailable, type ReportSnapshot } from './snapshot.js';

/**
 * report.html: one self-contained page (inline CSS and SVG, no script, nothing fetched; the
 * Content-Security-Policy says so to the browser too) that reads well on screen and in print.
 * Every text is escaped; the figures are the snapshot's.
 */

const h = xmlText;

const CSS = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--green:#1a7f37;--yellow:#9a6700;--red:#cf222e;--blue:#0969da}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1040px;padding:24px;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:var(--fg);background:#fff}
h1{font-size:24px;margin:0 0 8px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
.muted,.source{color:var(--muted);font-size:13px}
.verdict{display:inline-block;padding:6px 14px;border-radius:6px;font-weight:600;color:#fff}
.verdict.green{background:var(--green)}.verdict.yellow{background:var(--yellow)}.verdict.red{background:var(--red)}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:8px;margin:16px 0}
.figure{border:1px solid var(--line);border-radius:6px;padding:8px 12px}.figure b{display:block;font-size:20px}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.pass{color:var(--green)}td.warn{color:var(--yellow)}td.fail{color:var(--red)}td.na{color:var(--muted)}
.na{color:var(--muted);font-style:italic}
.charts{display:flex;flex-wrap:wrap;gap:16px}figure{margin:0}figcaption{font-size:13px;color:var(--muted)}
svg.chart{max-width:100%;height:auto;font:10px sans-serif}
svg.chart .axis{stroke:var(--line)}svg.chart .tick{fill:var(--muted)}
svg.chart .line{fill:none;stroke:var(--blue);stroke-width:1.5}svg.chart circle.point{fill:var(--blue)}svg.chart rect.bar{fill:var(--blue)}
@media print{body{max-width:none;padding:0;font-size:11pt}h2{break-after:avoid}table,figure,.figure{break-inside:avoid}
.verdict{border:2px solid currentColor;color:var(--fg);background:none!important}a{color:inherit;text-decoration:none}}
`;

function na(value: NotAvailable): string {
  return `<p class="na">n/a: ${h(value.reason)}</p>`;
}

function table(head: string[], rows: string[][]): string {
  const th = head.map((c) => `<th>${h(c)}</th>`).join('');
  const trs = rows.map((r) => `<tr>${r.join('')}</tr>`).join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${trs}\n</tbody></table>`;
}

const td = (text: string, cls?: string) => `<td${cls ? ` class="${cls}"` : ''}>${h(text)}</td>`;
const day = (iso: string) => iso.slice(0, 10);

function checks(s: ReportSnapshot): string {
  const rows = s.checkpoint.checks.map((c) => {
    const cls = c.status === 'n/a' ? 'na' : c.status;
    const val = (v: string | number | undefined) =>
      v === undefined ? '' : typeof v === 'number' ? num(v) : v;
    return [
      td(c.status, cls),
      td(c.title),
      td(c.required ? 'yes' : 'no'),
      td(val(c.value)),
      td(val(c.threshold)),
      td(c.reason ?? ''),
    ];
  });
  return table(['Status', 'Check', 'Required', 'Value', 'Threshold', 'Reason'], rows);
}

function charts(s: ReportSnapshot): string {
  const out: string[] = [];
  const fig = (svg: string, caption: string) =>
    `<figure>${svg}<figcaption>${h(caption)}</figcaption></figure>`;
  const weeks = s.activityTrend.map((w) => ({ label: day(w.from), value: w.commits }));
  out.push(fig(barChart('activity', 'Commits per week', weeks), 'Commits per week (week starting)'));
  if (!isNotAvailable(s.coverage)) {
    const pts = s.coverage.series.map((p) => ({ label: day(p.at), value: p.value }));
    out.push(fig(lineChart('coverage', 'Line coverage', '%', pts), 'Line coverage (%)'));
  }
  if (!isNotAvailable(s.performance)) {
    for (const b of s.performance.benchmarks) {
      const pts = b.series.map((p) => ({ label: day(p.at), value: p.value }));
      out.push(
        fig(lineChart('performance', b.name, b.unit, pts), `${b.name} (${b.unit}, ${b.direction} is better)`),
      );
    }
  }
  return `<div class="charts">\n${out.join('\n')}\n</div>`;
}

function sections(s: ReportSnapshot): string[] {
  const a = s.activity;
  const act = (Object.keys(ACTIVITY_NAMES) as ActivityFigure[]).map((k) => {
    const v = a[k];
    return [td(ACTIVITY_NAMES[k]), td(figure(v)), td(isNotAvailable(v) ? v.reason : (a.sources[k] ?? ''))];
  });
  const out = ['<h2>Activity</h2>', table(['Figure', 'Value', 'Source'], act)];
  const t = s.tests;
  out.push('<h2>Tests and build</h2>');
  if (isNotAvailable(t)) out.push(na(t));
  else {
    const conclusions = countList(t.byConclusion, h);
    out.push(
      `<p>${t.runs} runs (${conclusions || 'none'}); pass rate ${t.passRate === null ? 'n/a' : `${num(t.passRate)} %`}; latest ${h(t.latestConclusion ?? 'none')}.</p>`,
    );
    const ws = [...t.slowest, ...t.flakiest.filter((f) => !t.slowest.some((x) => x.name === f.name))];
    if (ws.length > 0)
      out.push(
        table(
          ['Workflow', 'Runs', 'Failures', 'Flaky', 'Median'],
          ws.map((w) => [
            td(w.name),
            td(String(w.runs)),
            td(String(w.failures)),
            td(String(w.flaky)),
            td(w.medianSeconds === undefined ? '' : `${num(w.medianSeconds)} s`),
          ]),
        ),
      );
    out.push(`<p class="source">Source: ${h(t.source)}</p>`);
  }
  out.push('<h2>Coverage and performance</h2>');
  const c = s.coverage;
  out.push(
    isNotAvailable(c)
      ? na(c)
      : `<p>Line coverage ${h(figure(c.current, ' %'))}, a week earlier ${h(figure(c.previous, ' %'))}${c.change === null ? '' : ` (${h(signed(c.change))} points)`}.</p><p class="source">Source: ${h(c.source)}</p>`,
  );
  const p = s.performance;
  if (isNotAvailable(p)) out.push(na(p));
  else {
    out.push(
      table(
        ['Benchmark', 'Now', 'Week before', 'Change'],
        p.benchmarks.map((b) => [
          td(b.name),
          td(`${num(b.current)} ${b.unit}`),
          td(b.previous === undefined ? '' : `${num(b.previous)} ${b.unit}`),
          td(b.changePercent === undefined ? '' : `${signed(b.changePercent)} %`),
        ]),
      ),
    );
    out.push(`<p class="source">Source: ${h(p.source)}</p>`);
  }
  out.push(charts(s));
  out.push('<h2>Security</h2>', '<ul>');
  for (const [name, x] of [
    ['Code scanning', s.security.codeScanning],
    ['Dependabot', s.security.dependabot],
  ] as const) {
    if (isNotAvailable(x)) out.push(`<li>${name}: <span class="na">n/a: ${h(x.reason)}</span></li>`);
    else {
      const sev = countList(x.bySeverity, h);
      out.push(
        `<li>${name}: ${x.open} open${sev ? ` (${sev})` : ''} <span class="source">${h(x.source)}</span></li>`,
      );
    }
  }
  out.push('</ul>');
  out.push(...releases(s));
  return out;
}

function releases(s: ReportSnapshot): string[] {
  const out = ['<h2>Releases and deployments</h2>'];
  if (isNotAvailable(s.releases)) out.push(na(s.releases));
  else if (s.releases.length === 0) out.push('<p>No release in the window.</p>');
  else {
    out.push('<ul>');
    for (const r of s.releases) {
      const url = safeUrl(r.url);
      const tag = url ? `<a href="${h(url)}">${h(r.tag)}</a>` : h(r.tag);
      out.push(`<li>${tag}${r.name && r.name !== r.tag ? `: ${h(r.name)}` : ''} (${h(day(r.date))})</li>`);
    }
    out.push('</ul>');
  }
  const d = s.deployments;
  if (isNotAvailable(d)) out.push(`<p>Deployments: <span class="na">n/a: ${h(d.reason)}</span></p>`);
  else {
    const k = d.dora;
    out.push(
      `<p>Deployments: ${d.count}. DORA: frequency ${h(figure(k.deploymentFrequencyPerWeek, '/week'))}, lead time ${h(figure(k.leadTimeHours, ' h'))}, change failure rate ${h(figure(k.changeFailureRate, ' %'))}, time to restore ${h(figure(k.timeToRestoreHours, ' h'))}.</p><p class="source">Source: ${h(d.source)}</p>`,
    );
  }
  out.push('<h2>Velocity</h2>');
  const v = s.velocity;
  out.push(
    isNotAvailable(v)
      ? na(v)
      : `<p>${h(v.milestone)}: ${v.closedIssues} closed, ${v.openIssues} open${v.pointsClosed === undefined ? '' : `, ${num(v.pointsClosed)} points closed`}.</p>`,
  );
  out.push('<h2>Blocking issues</h2>');
  const b = s.blockingIssues;
  if (isNotAvailable(b)) out.push(na(b));
  else if (b.open === 0) out.push(`<p>No open issue labelled ${h(b.label)}.</p>`);
  else
    out.push(
      `<p>${b.open} open, labelled ${h(b.label)}:</p><ul>${b.issues.map((i) => `<li>#${i.number} ${h(i.title)}</li>`).join('')}</ul>`,
    );
  return out;
}

export function reportHtml(s: ReportSnapshot): string {
  const v = VERDICT_WORDS[s.checkpoint.verdict];
  const run = safeUrl(s.runUrl);
  const figures = keyFigures(s)
    .map(
      (f) =>
        `<div class="figure"${f.reason ? ` title="${h(f.reason)}"` : ''}><b>${h(f.value)}</b>${h(f.label)}</div>`,
    )
    .join('\n');
  const body = [
    `<h1>${h(title(s))}</h1>`,
    `<p><span class="verdict ${s.checkpoint.verdict}">${h(`${v.label}: ${v.meaning}`)}</span></p>`,
    `<p class="muted">Window ${h(s.window.from)} to ${h(s.window.to)} (end exclusive). Generated ${h(s.generatedAt)}${run ? ` by <a href="${h(run)}">this run</a>` : ''}.</p>`,
    `<div class="figures">\n${figures}\n</div>`,
    ...(s.narrative
      ? [
          '<h2>Summary</h2>',
          `<p>${h(s.narrative.text)}</p>`,
          `<p class="source">Drafted by ${h(s.narrative.model)} from this report's figures.</p>`,
        ]
      : []),
    '<h2>Checkpoint</h2>',
    checks(s),
    ...sections(s),
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(title(s))}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
