import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/render.js';
import { isNotAvailable } from '../../src/report/snapshot.js';
import { fullSnapshot, HOSTILE } from './fixture.js';

// Debian's chromium (.ci/run installs it with apt), driven by playwright-core.
const CHROMIUM = process.env.SHIPKIT_CHROMIUM ?? '/usr/bin/chromium';

let browser: Awaited<ReturnType<typeof chromium.launch>>;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install chromium (or set SHIPKIT_CHROMIUM)`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('report.html in headless Chromium', () => {
  it('opens with no console error, no failed or outside request, no script; each chart has a mark per data point', async () => {
    const snapshot = { ...fullSnapshot(HOSTILE), repository: HOSTILE };
    const dir = mkdtempSync(join(tmpdir(), 'shipkit-html-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, renderReport(snapshot, ['html'])[0]?.content ?? '');
    const page = await browser.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const shot = join(dir, 'report.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: join(dir, 'report.pdf') });
    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.textContent('h1')).toContain(
      '<script>alert(1)</script> {{constructor}} ::error::owned',
    );

    const charts = await page.$$eval('svg.chart', (svgs) =>
      svgs.map((s) => ({
        kind: s.getAttribute('data-chart'),
        declared: Number(s.getAttribute('data-points')),
        marks: s.querySelectorAll('.point').length,
        width: s.getBoundingClientRect().width,
      })),
    );
    if (isNotAvailable(snapshot.coverage) || isNotAvailable(snapshot.performance))
      throw new Error('fixture lacks trends');
    const expected = [
      { kind: 'activity', n: snapshot.activityTrend.length },
      { kind: 'coverage', n: snapshot.coverage.series.length },
      ...snapshot.performance.benchmarks.map((b) => ({ kind: 'performance', n: b.series.length })),
    ];
    expect(charts.map((c) => ({ kind: c.kind, n: c.marks }))).toEqual(expected);
    for (const c of charts) {
      expect(c.declared).toBe(c.marks);
      expect(c.width).toBeGreaterThan(100);
    }
    expect(expected.find((e) => e.kind === 'coverage')?.n).toBe(84); // 12 weeks, one point a day
    await page.close();
  }, 60_000);
});
