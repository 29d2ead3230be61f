import type { SecurityConfig } from '../../config/sections/gates.js';
import { ShipkitError } from '../../errors.js';
import { defineGate } from '../gate.js';
import { isObject, parseReportJson } from '../report-json.js';
import { type GateResult, statusFor } from '../result.js';
import { applyAllowlist } from './allowlist.js';
import { type Finding, isVulnerability, isWarning, SEVERITY_ORDER } from './finding.js';
import { readNpmAudit } from './npm-audit.js';
import { readSarif } from './sarif.js';

/** Reads a security report, by content: a SARIF log or `npm audit --json` output. */
export function readSecurityReport(text: string, file: string, root: string): Finding[] {
  const doc = parseReportJson(text, file, 'the security report');
  if (!isObject(doc)) {
    throw new ShipkitError('a security report must be a JSON object', {
      location: { file },
      hint: 'Pass `npm audit --json` output or a SARIF 2.1.0 file.',
    });
  }
  if ('runs' in doc || '$schema' in doc) return readSarif(doc, file, root);
  return readNpmAudit(doc, file);
}

/** Security, registered in `gates.ts`: the counts after the allowlist are its baseline figures. */
export const securityGateEntry = defineGate({
  id: 'security',
  title: 'Security',
  config: 'security',
  needs: { report: 'findings', missing: 'npm audit or SARIF report', given: 'A security report' },
  judge: (config, findings, inputs) => {
    const judged = judgeSecurity(config, findings, inputs.today);
    return { results: [judged.result], figures: judged.figures };
  },
  baseline: (_findings, figures) => (figures ? { security: figures } : {}),
  comment: { details: 'Security findings', rows: 50 },
});

/** Security: vulnerabilities (high, critical) and warnings (moderate, low) against their limits. */
export function securityGate(config: SecurityConfig, all: readonly Finding[], today: string): GateResult {
  return judgeSecurity(config, all, today).result;
}

function judgeSecurity(
  config: SecurityConfig,
  all: readonly Finding[],
  today: string,
): { result: GateResult; figures: { vulnerabilities: number; warnings: number } } {
  const outcome = applyAllowlist(all, config.allowlist ?? [], today);
  const vulnerabilities = outcome.findings.filter(isVulnerability).length;
  const warnings = outcome.findings.filter(isWarning).length;
  const tooMany = vulnerabilities > config.max_vulnerabilities;
  const tooManyWarnings = config.max_warnings !== undefined && warnings > config.max_warnings;
  const breached = tooMany || tooManyWarnings;
  const notes = [
    ...outcome.expired.map(
      (e) =>
        `Allowlist entry \`${e.id}\`${e.path ? ` (${e.path})` : ''} expired on ${e.expires} and no longer suppresses anything.`,
    ),
    ...outcome.unused.map((e) => `Allowlist entry \`${e.id}\` matched no finding; it can be removed.`),
  ];
  if (outcome.suppressed.length)
    notes.push(`${outcome.suppressed.length} finding(s) suppressed by the allowlist.`);
  const shown = outcome.findings
    .filter((f) => f.severity !== 'info')
    .sort(
      (a, b) =>
        SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || a.id.localeCompare(b.id),
    );
  const result: GateResult = {
    id: 'security',
    title: 'Security',
    status: statusFor(breached, config.action),
    breached,
    action: config.action,
    informational: config.action === 'informational',
    summary:
      `${vulnerabilities} vulnerabilit${vulnerabilities === 1 ? 'y' : 'ies'} (at most ${config.max_vulnerabilities}), ` +
      `${warnings} warning(s)${config.max_warnings === undefined ? '' : ` (at most ${config.max_warnings})`}`,
    notes,
    table: shown.length
      ? [
          ['Severity', 'Finding', 'Where'],
          ...shown.map((f) => [
            f.severity,
            `${f.id}: ${f.title}`,
            f.location
              ? `${f.location.path}${f.location.line ? `:${f.location.line}` : ''}`
              : [f.package, ...f.paths.slice(0, 3)].filter(Boolean).join(' — '),
          ]),
        ]
      : undefined,
    outputs: {
      vulnerabilities,
      warnings,
      suppressed: outcome.suppressed.length,
      'expired-allowlist': outcome.expired.length,
    },
  };
  return { result, figures: { vulnerabilities, warnings } };
}
