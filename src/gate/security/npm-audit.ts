import { ShipkitError } from '../../errors.js';
import { isObject } from '../report-json.js';
import type { Finding, Severity } from './finding.js';

const SEVERITIES = new Set(['critical', 'high', 'moderate', 'low', 'info']);
const severity = (v: unknown): Severity => (SEVERITIES.has(String(v)) ? (v as Severity) : 'info');
const ghsaOf = (url: unknown) => /\/(GHSA-[\w-]+)/i.exec(String(url ?? ''))?.[1];

/**
 * Findings of `npm audit --json`, both shapes: npm 6 (`advisories`) and npm 7+
 * (`auditReportVersion: 2`, `vulnerabilities`). A finding is one advisory in one package, so the
 * two shapes of one tree give the same findings (npm's own totals count paths in 6, packages in 7).
 */
export function readNpmAudit(doc: Record<string, unknown>, file: string): Finding[] {
  if (isObject(doc.error) || (typeof doc.message === 'string' && doc.statusCode !== undefined)) {
    const err = isObject(doc.error) ? doc.error : doc;
    const what = String(err.summary || err.message || err.code || 'unknown error');
    throw new ShipkitError(`npm audit failed, its report holds an error: ${what}`, {
      location: { file },
      hint: 'npm audit needs the registry; rerun it, or leave its report out for this run.',
    });
  }
  if (isObject(doc.vulnerabilities)) return fromVulnerabilities(doc.vulnerabilities);
  if (isObject(doc.advisories)) return fromAdvisories(doc.advisories);
  throw new ShipkitError('not an npm audit report: neither `vulnerabilities` nor `advisories` is there', {
    location: { file },
    hint: 'Pass the output of `npm audit --json`.',
  });
}

function fromAdvisories(advisories: Record<string, unknown>): Finding[] {
  const out: Finding[] = [];
  for (const [key, a] of Object.entries(advisories)) {
    if (!isObject(a)) continue;
    const number = String(a.id ?? key);
    const ghsa = typeof a.github_advisory_id === 'string' ? a.github_advisory_id : ghsaOf(a.url);
    const cves = Array.isArray(a.cves) ? a.cves.map(String) : [];
    const findings = Array.isArray(a.findings) ? a.findings : [];
    const paths = findings.flatMap((f) => (isObject(f) && Array.isArray(f.paths) ? f.paths.map(String) : []));
    out.push({
      id: ghsa ?? number,
      aliases: [number, ...cves, ...(typeof a.url === 'string' ? [a.url] : [])].filter((x) => x !== ghsa),
      title: String(a.title ?? ''),
      severity: severity(a.severity),
      source: 'npm-audit',
      package: String(a.module_name ?? ''),
      paths: [...new Set(paths)],
    });
  }
  return out;
}

function fromVulnerabilities(vulnerabilities: Record<string, unknown>): Finding[] {
  const byKey = new Map<string, Finding>();
  for (const v of Object.values(vulnerabilities)) {
    if (!isObject(v) || !Array.isArray(v.via)) continue;
    const nodes = Array.isArray(v.nodes) ? v.nodes.map((n) => dependencyPath(String(n))) : [];
    for (const via of v.via) {
      if (!isObject(via)) continue; // a package name: the advisory is listed under that package
      const number = String(via.source ?? '');
      const name = String(via.name ?? v.name);
      const key = `${number}\0${name}`;
      const ghsa = ghsaOf(via.url);
      const found = byKey.get(key);
      if (found) {
        found.paths = [...new Set([...found.paths, ...nodes])];
        continue;
      }
      byKey.set(key, {
        id: ghsa ?? number,
        aliases: [number, ...(typeof via.url === 'string' ? [via.url] : [])].filter((x) => x && x !== ghsa),
        title: String(via.title ?? ''),
        severity: severity(via.severity),
        source: 'npm-audit',
        package: name,
        paths: nodes,
      });
    }
  }
  return [...byKey.values()];
}

/** `node_modules/a/node_modules/b` → `a>b`, npm 6's way of writing where a package sits. */
function dependencyPath(node: string): string {
  return node
    .split(/(?:^|\/)node_modules\//)
    .filter(Boolean)
    .join('>');
}
