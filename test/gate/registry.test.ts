import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gatesSchema } from '../../src/config/sections/gates.js';
import { defineGate } from '../../src/gate/gate.js';
import { GATES } from '../../src/gate/gates.js';
import { gateOutcome } from '../../src/gate/outcome.js';
import { readSecurityReport } from '../../src/gate/security/gate.js';

const npm6 = readSecurityReport(
  readFileSync(new URL('../fixtures/gate/npm-audit/npm6-output.json', import.meta.url), 'utf8'),
  'npm6.json',
  '/repo',
);

describe('the gate registry', () => {
  it('has one gate per `gates:` section that `shipkit gate` judges (performance has its own action)', () => {
    const sections = Object.keys(gatesSchema.shape).filter((k) => k !== 'performance');
    expect(GATES.map((g) => g.config).sort()).toEqual(sections.sort());
    expect(new Set(GATES.map((g) => g.id)).size).toBe(GATES.length);
  });

  it('runs a gate defined in one place: missing report, unused report and typed baseline figures', () => {
    const judged: unknown[] = [];
    const gate = defineGate({
      id: 'docs-check',
      title: 'Docs check',
      config: 'documentation',
      needs: { report: 'documentation', missing: 'docs report', given: 'A docs report' },
      judge: (config, report) => {
        judged.push(report);
        return {
          results: [
            {
              id: 'docs-check',
              title: 'Docs check',
              status: 'pass',
              breached: false,
              action: config.action,
              informational: false,
              summary: 'fine',
              notes: [],
              outputs: {},
            },
          ],
          figures: report.actual,
        };
      },
      baseline: (report, figures) => ({ documentation: figures ?? -report.expected }),
    });
    const report = { expected: 4, actual: 3, percent: 75, notDocumented: [] };
    const config = { documentation: { coverage: { percent: 80 }, action: 'fail_if_below' as const } };

    const missing = gate.step({ config, today: '2026-01-01' });
    expect(missing.results[0]).toMatchObject({
      id: 'docs-check',
      status: 'fail',
      summary: 'not checked: no docs report was given',
      outputs: { missing: 1 },
    });
    expect(missing.baseline).toEqual({});

    const unused = gate.step({ config: {}, documentation: report, today: '2026-01-01' });
    expect(unused.results).toEqual([]);
    expect(unused.unused).toBe(
      'A docs report was given but `gates.documentation` is not configured; it is not judged.',
    );
    expect(unused.baseline).toEqual({ documentation: -4 });
    expect(judged).toEqual([]);

    const run = gate.step({ config, documentation: report, today: '2026-01-01' });
    expect(run.results.map((r) => r.status)).toEqual(['pass']);
    expect(run.baseline).toEqual({ documentation: 3 });
  });

  it('stores the security counts the gate judged (after the allowlist), not read back from outputs', () => {
    const security = {
      max_vulnerabilities: 3,
      max_warnings: 0,
      action: 'fail_if_exceeded' as const,
      allowlist: [
        { id: 'CVE-2022-0536', expires: '2099-01-01' },
        { id: '1040655', path: 'axios', expires: '2099-01-01' },
      ],
    };
    const out = gateOutcome({ config: { security }, findings: npm6, today: '2026-01-01' }, 'abc', 'now');
    expect(out.baseline.security).toEqual({ vulnerabilities: 3, warnings: 0 });
    expect(out.outputs).toMatchObject({ 'security-vulnerabilities': '3', 'security-suppressed': '2' });
  });

  it('shows the table of a gate registered with comment details, at most its rows', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ ...(npm6[0] as (typeof npm6)[0]), id: `X-${i}` }));
    const security = { max_vulnerabilities: 0, action: 'warn_if_exceeded' as const };
    const { comment } = gateOutcome({ config: { security }, findings: many, today: '2026-01-01' }, 'a', 'n');
    const block = comment.split('<details><summary>Security findings</summary>')[1]?.split('</details>')[0];
    expect(block?.match(/^\| \w+ \| X-\d+/gm)).toHaveLength(50);
  });
});
