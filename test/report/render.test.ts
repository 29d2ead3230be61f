import { describe, expect, it } from 'vitest';
import { parseSnapshot, snapshotJson, reportJsonSchema } from '../../src/report/json.js';
import { renderReport } from '../../src/report/render.js';
import { slackText } from '../../src/report/slack.js';
import { fullSnapshot, HOSTILE } from './fixture.js';

const byName = (files: { path: string; content: string }[]) =>
  Object.fromEntries(files.map((f) => [f.path, f.content]));

describe('report renderers', () => {
  it('writes the four files, and a saved report.json renders to the same bytes', () => {
    const first = byName(renderReport(fullSnapshot(HOSTILE)));
    expect(Object.keys(first)).toEqual(['report.md', 'report.html', 'report.json', 'slack.json']);
    const again = byName(renderReport(parseSnapshot(first['report.json'] as string, 'report.json')));
    expect(again).toEqual(first);
    expect(snapshotJson(parseSnapshot(first['report.json'] as string, 'report.json'))).toBe(
      first['report.json'],
    );
  });

  it('report.json keeps one key order whatever order the snapshot was built in', () => {
    const s = fullSnapshot();
    const reversed = JSON.parse(JSON.stringify(s), (_k, v) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    );
    expect(snapshotJson(reversed)).toBe(snapshotJson(s));
  });

  it('hostile text from titles and names is shown as text in Markdown', () => {
    const md = byName(renderReport(fullSnapshot(HOSTILE)))['report.md'] as string;
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\<script\\>');
    expect(md).not.toMatch(/@channel|@here/);
    expect(md).toContain('@\u200bchannel');
    expect(md).not.toMatch(/\[l\]\(javascript/);
  });

  it('hostile text is escaped in the HTML, which holds no script and fetches nothing', () => {
    const html = byName(renderReport(fullSnapshot(HOSTILE)))['report.html'] as string;
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; {{constructor}} ::error::owned');
    expect(html).not.toMatch(/\s(src|href)="(?!https:\/\/github\.com\/octo-org)/);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('@media print');
  });

  it('Slack: <, > and & escaped, @channel and @here cannot notify', () => {
    expect(slackText('<!channel> a & b <https://x|y> @channel @here @everyone')).toBe(
      '&lt;!channel&gt; a &amp; b &lt;https://x|y&gt; @\u200bchannel @\u200bhere @\u200beveryone',
    );
    const slack = byName(renderReport({ ...fullSnapshot(HOSTILE), repository: HOSTILE }))[
      'slack.json'
    ] as string;
    const message = JSON.parse(slack) as { text: string; blocks: { type: string }[] };
    const texts = JSON.stringify(message);
    expect(texts).not.toMatch(/<!channel>|<script|@channel|@here/);
    expect(texts).toContain('&lt;script&gt;');
    expect(message.blocks.map((b) => b.type)).toEqual([
      'header',
      'section',
      'section',
      'section',
      'actions',
      'context',
    ]);
    expect(texts).toContain('https://github.com/octo-org/octo-repo/actions/runs/42');
  });

  it('a damaged snapshot is one error naming the file and the field', () => {
    const good = JSON.parse(snapshotJson(fullSnapshot()));
    const bad = { ...good, activity: { ...good.activity, commits: -1 } };
    expect(() => parseSnapshot(JSON.stringify(bad), 'out/report.json')).toThrow(
      /^the weekly report snapshot \(report\.json\) is not valid: activity\.commits: /,
    );
    expect(() => parseSnapshot('{"schemaVersion": 1, "window": 3', 'r.json')).toThrow(/r\.json|JSON/);
    expect(() => parseSnapshot(JSON.stringify({ ...good, schemaVersion: 2 }), 'r.json')).toThrow(
      'schemaVersion 2',
    );
    try {
      parseSnapshot(JSON.stringify(bad), 'out/report.json');
    } catch (err) {
      expect((err as { location?: { file?: string } }).location?.file).toBe('out/report.json');
    }
  });

  it('the published JSON Schema describes report.json', () => {
    const schema = reportJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['window', 'activity', 'checkpoint']));
    expect(Object.keys(schema.properties)).toContain('activityTrend');
  });
});
