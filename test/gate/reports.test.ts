import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ShipkitError } from '../../src/errors.js';
import { documentationGate, readTypedocCoverage } from '../../src/gate/documentation.js';
import { duplicationGate, readJscpdReport } from '../../src/gate/duplication.js';
import { gateOutcome } from '../../src/gate/outcome.js';
import { isVulnerability, isWarning } from '../../src/gate/security/finding.js';
import { readSecurityReport, securityGate } from '../../src/gate/security/gate.js';

const fixture = (path: string) => {
  const buf = readFileSync(new URL(`../fixtures/gate/${path}`, import.meta.url));
  return path.endsWith('.gz') ? gunzipSync(buf).toString('utf8') : buf.toString('utf8');
};
const errorOf = (fn: () => unknown): ShipkitError => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ShipkitError);
    return err as ShipkitError;
  }
  throw new Error('expected an error');
};

describe('duplication from real jscpd 4.3.0 reports', () => {
  const base = readJscpdReport(fixture('jscpd/base-report.json'), 'base.json');
  const head = readJscpdReport(fixture('jscpd/head-report.json'), 'head.json');

  it('agrees with the totals jscpd printed', () => {
    // jscpd printed: 34 files, 4249 lines, 1 clone, 8 (0.19%) and 35 files, 4313 lines, 2 clones, 67 (1.55%).
    const printed = (name: string) =>
      /Total:\s*│\s*\d+\s*│\s*(\d+)\s*│\s*\d+\s*│\s*(\d+)\s*│\s*(\d+) \(([\d.]+)%\)/
        .exec(fixture(name))
        ?.slice(1)
        .map(Number);
    expect([
      base.lines,
      base.clones.length,
      base.duplicatedLines,
      Number(base.percentage.toFixed(2)),
    ]).toEqual(printed('jscpd/base-console.txt'));
    expect([
      head.lines,
      head.clones.length,
      head.duplicatedLines,
      Number(head.percentage.toFixed(2)),
    ]).toEqual(printed('jscpd/head-console.txt'));
  });

  it('counts only the clone the change added, though the old one moved down three lines', () => {
    const gate = duplicationGate(
      { threshold: 5, max_new_clones: 0, action: 'fail_if_above' },
      head,
      base.clones.map((c) => c.key),
    );
    expect(gate).toMatchObject({ status: 'fail', outputs: { percent: 1.55, clones: 2, 'new-clones': 1 } });
    expect(gate.table?.[1]?.[0]).toBe('lib/handlebars/compiler/printer-verbose.js:2-61');
  });

  it('takes the base clones from the stored baseline when no base report is given', () => {
    const config = {
      code_duplication: { threshold: 5, max_new_clones: 0, action: 'fail_if_above' as const },
    };
    const stored = gateOutcome(
      { config, duplication: base, today: '2026-01-01' },
      'a'.repeat(40),
      '2026-01-01T00:00:00Z',
    ).baseline;
    expect(stored.duplication?.clones).toHaveLength(1);
    const outcome = gateOutcome(
      { config, duplication: head, baseline: stored, today: '2026-01-01' },
      'b'.repeat(40),
      '2026-01-02T00:00:00Z',
    );
    expect(outcome.outputs).toMatchObject({ verdict: 'fail', 'duplication-new-clones': '1' });
  });

  it('without a base, judges the percentage alone', () => {
    const gate = duplicationGate({ threshold: 1.5, action: 'warn_if_above' }, head);
    expect(gate).toMatchObject({ status: 'warn', outputs: { percent: 1.55, clones: 2 } });
    expect(gate.notes.join()).toMatch(/No base report/);
    expect(duplicationGate({ threshold: 5, action: 'warn_if_above' }, head).status).toBe('pass');
  });

  it('refuses something that is not a jscpd report, and a truncated one', () => {
    expect(errorOf(() => readJscpdReport('{"duplicates": []}', 'x.json')).message).toMatch(
      /not a jscpd JSON report/,
    );
    const cut = fixture('jscpd/head-report.json').slice(0, 500);
    const err = errorOf(() => readJscpdReport(cut, 'jscpd-report.json'));
    expect(err.message).toMatch(/is not valid JSON/);
    expect(err.location).toEqual({ file: 'jscpd-report.json', line: cut.split('\n').length });
  });
});

describe('security from npm audit, both shapes of one tree (audit-ci fixtures)', () => {
  const v6 = readSecurityReport(fixture('npm-audit/npm6-output.json'), 'npm6.json', '/repo');
  const v7 = readSecurityReport(fixture('npm-audit/npm7-output.json'), 'npm7.json', '/repo');
  const summary = (fs: typeof v6) => fs.map((f) => `${f.id} ${f.severity} ${f.package}`).sort();

  it('finds the same advisories in npm 6 and npm 7 output', () => {
    expect(summary(v6)).toEqual(summary(v7));
    expect(summary(v6)).toEqual([
      'GHSA-42xw-2xvc-qx8m high axios',
      'GHSA-4w2v-q235-vp99 high axios',
      'GHSA-74fj-2j2h-c42q high follow-redirects',
      'GHSA-cph5-m8f7-6c5x high axios',
      'GHSA-pw2r-vq6v-hr8c moderate follow-redirects',
    ]);
    expect(v6.filter(isVulnerability)).toHaveLength(4);
    expect(v7.filter(isWarning)).toHaveLength(1);
    expect(v6.find((f) => f.id === 'GHSA-pw2r-vq6v-hr8c')?.paths).toEqual([
      'axios>follow-redirects',
      'github-build>axios>follow-redirects',
    ]);
    expect(v7.find((f) => f.id === 'GHSA-pw2r-vq6v-hr8c')?.paths).toEqual([
      'follow-redirects',
      'github-build>follow-redirects',
    ]);
  });

  it('an allowlist entry suppresses until it expires, then is reported', () => {
    const config = {
      max_vulnerabilities: 3,
      max_warnings: 0,
      action: 'fail_if_exceeded' as const,
      allowlist: [
        { id: 'CVE-2022-0536', expires: '2026-06-30' },
        { id: '1040655', path: 'axios', expires: '2027-01-01' },
        { id: 'GHSA-0000-0000-0000', expires: '2027-01-01' },
      ],
    };
    const before = securityGate(config, v6, '2026-06-30');
    expect(before).toMatchObject({
      status: 'pass',
      outputs: { vulnerabilities: 3, warnings: 0, suppressed: 2 },
    });
    expect(before.notes.join('\n')).toMatch(/`GHSA-0000-0000-0000` matched no finding/);
    const after = securityGate(config, v6, '2026-07-01');
    expect(after).toMatchObject({ status: 'fail', outputs: { warnings: 1, 'expired-allowlist': 1 } });
    expect(after.notes[0]).toBe(
      'Allowlist entry `CVE-2022-0536` expired on 2026-06-30 and no longer suppresses anything.',
    );
  });

  it('a path entry suppresses only the paths it names', () => {
    const gate = securityGate(
      {
        max_vulnerabilities: 0,
        action: 'warn_if_exceeded',
        allowlist: [{ id: 'GHSA-74fj-2j2h-c42q', path: 'axios>follow-redirects', expires: '2099-01-01' }],
      },
      v6,
      '2026-01-01',
    );
    expect(gate).toMatchObject({ status: 'warn', outputs: { vulnerabilities: 4, suppressed: 0 } });
    expect(gate.table?.find((r) => r[1]?.startsWith('GHSA-74fj'))?.[2]).toBe(
      'follow-redirects — github-build>axios>follow-redirects',
    );
  });

  it('says when npm audit itself failed instead of reading its error as no findings', () => {
    const failed = JSON.stringify({
      error: { code: 'ENOLOCK', summary: 'This command requires an existing lockfile.' },
    });
    expect(errorOf(() => readSecurityReport(failed, 'audit.json', '/')).message).toBe(
      'npm audit failed, its report holds an error: This command requires an existing lockfile.',
    );
    expect(errorOf(() => readSecurityReport('{"x": 1}', 'audit.json', '/')).message).toMatch(
      /not an npm audit report/,
    );
  });
});

describe('security from SARIF 2.1.0', () => {
  const eslint = fixture('sarif/eslint-security.sarif.gz');

  it('reads eslint’s SARIF: levels, paths relative to the project', () => {
    const findings = readSecurityReport(eslint, 'eslint.sarif', '/tmp/gates-tools/proj');
    // eslint printed 4 errors and 217 warnings; the SARIF formatter leaves out the 2 errors and
    // 14 warnings that have no rule (`/* eslint-env */` comments, unused disable directives).
    const doc = JSON.parse(eslint);
    expect(findings).toHaveLength(doc.runs[0].results.length);
    expect(findings.filter((f) => f.severity === 'high')).toHaveLength(2);
    expect(findings.filter((f) => f.severity === 'moderate')).toHaveLength(203);
    const newFunc = findings.filter((f) => f.id === 'no-new-func').map((f) => f.location);
    expect(newFunc).toEqual([
      { path: 'lib/handlebars/compiler/javascript-compiler.js', line: 133 },
      { path: 'lib/handlebars/compiler/javascript-compiler.js', line: 263 },
    ]);
  });

  it('ranks by security-severity when a rule carries one, as code scanning does', () => {
    const doc = JSON.parse(eslint);
    // Give one real rule a CVSS score (what CodeQL and semgrep write): 9.1 is critical.
    const rule = doc.runs[0].tool.driver.rules.find(
      (r: { id: string }) => r.id === 'security/detect-unsafe-regex',
    );
    rule.properties['security-severity'] = '9.1';
    const findings = readSecurityReport(JSON.stringify(doc), 'eslint.sarif', '/tmp/gates-tools/proj');
    expect(findings.filter((f) => f.severity === 'critical')).toHaveLength(3);
    const gate = securityGate(
      {
        max_vulnerabilities: 2,
        action: 'fail_if_exceeded',
        allowlist: [
          { id: 'security/detect-unsafe-regex', path: 'lib/handlebars/compiler/*.js', expires: '2099-01-01' },
        ],
      },
      findings,
      '2026-01-01',
    );
    // 2 no-new-func errors (high) + 3 critical − 2 allowed in lib/handlebars/compiler/.
    expect(gate).toMatchObject({ status: 'fail', outputs: { vulnerabilities: 3, suppressed: 2 } });
    expect(gate.table?.[1]).toEqual([
      'critical',
      'security/detect-unsafe-regex: Unsafe Regular Expression',
      'lib/precompiler.js:337',
    ]);
  });

  it('reads GitHub’s documented example: rule defaults, level overrides, uriBaseId', () => {
    const findings = readSecurityReport(fixture('sarif/github-docs-example.sarif'), 'full.sarif', '/repo');
    expect(findings.map((f) => [f.id, f.severity, f.location?.path])).toEqual([
      ['3f292041e51d22005ce48f39df3585d44ce1b0ad', 'low', 'main.js'],
      ['d5b664aefd5ca4b21b52fdc1d744d7d6ab6886d0', 'moderate', 'src/promises.js'],
      ['R01', 'high', 'full.sarif'],
    ]);
    expect(findings[0]?.aliases).toEqual(['js/unused-local-variable']);
  });

  it('leaves out what SARIF itself marks as no problem: suppressed, passing, absent', () => {
    const doc = JSON.parse(eslint);
    const results = doc.runs[0].results;
    results[0].suppressions = [{ kind: 'inSource' }];
    results[1].suppressions = [{ kind: 'external', status: 'rejected' }];
    results[2].kind = 'pass';
    results[3].baselineState = 'absent';
    const findings = readSecurityReport(JSON.stringify(doc), 'eslint.sarif', '/tmp/gates-tools/proj');
    expect(findings).toHaveLength(results.length - 3);
  });

  it('refuses SARIF of another version', () => {
    expect(
      errorOf(() => readSecurityReport('{"version": "2.0.0", "runs": []}', 'old.sarif', '/')).message,
    ).toMatch(/not a SARIF 2\.1\.0 log/);
  });
});

describe('documentation from a real typedoc-plugin-coverage report', () => {
  const report = readTypedocCoverage(fixture('typedoc/coverage.json'), 'coverage.json');

  it('agrees with the badge TypeDoc drew, exactly where the badge rounds down', () => {
    const badge = /<text x="\d+" y="14">(\d+)%<\/text>/.exec(fixture('typedoc/coverage.svg'))?.[1];
    expect(Math.floor(report.percent as number)).toBe(Number(badge));
    expect(report).toMatchObject({ expected: 618, actual: 344 });
  });

  it('warns below the target and lists what is not documented', () => {
    const gate = documentationGate(
      { coverage: { percent: 100, of: 'public APIs' }, action: 'warn_if_below' },
      report,
    );
    expect(gate).toMatchObject({
      status: 'warn',
      outputs: { percent: 55.66, documented: 344, expected: 618 },
    });
    expect(gate.summary).toBe('55.66% of 618 API items documented (target 100% of public APIs)');
    expect(gate.table?.at(-1)?.[0]).toMatch(/^… and \d+ more$/);
    expect(documentationGate({ coverage: { percent: 50 }, action: 'fail_if_below' }, report).status).toBe(
      'pass',
    );
  });
});
