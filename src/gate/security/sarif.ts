import { ShipkitError } from '../../errors.js';
import { isObject } from '../report-json.js';
import type { Finding, Severity } from './finding.js';

/**
 * Findings of a SARIF 2.1.0 log, one per result. Severity follows GitHub code scanning: the rule's
 * (or result's) `security-severity` score when present (≥ 9.0 critical, ≥ 7.0 high, ≥ 4.0
 * moderate, > 0 low), otherwise the level (error → high, warning → moderate, note → low, none → info;
 * a result without a level takes its rule's default, else warning). Paths are made relative to `root`.
 */
export function readSarif(doc: Record<string, unknown>, file: string, root: string): Finding[] {
  if (doc.version !== '2.1.0' || !Array.isArray(doc.runs)) {
    throw new ShipkitError(`not a SARIF 2.1.0 log (version ${JSON.stringify(doc.version)})`, {
      location: { file },
      hint: 'Pass a SARIF 2.1.0 file, e.g. from `eslint -f @microsoft/eslint-formatter-sarif` or CodeQL.',
    });
  }
  const out: Finding[] = [];
  doc.runs.forEach((run, r) => {
    if (!isObject(run)) return;
    const driver = isObject(run.tool) && isObject(run.tool.driver) ? run.tool.driver : {};
    const rules = Array.isArray(driver.rules) ? driver.rules.filter(isObject) : [];
    const byId = new Map(rules.map((rule) => [String(rule.id), rule]));
    const bases = isObject(run.originalUriBaseIds) ? run.originalUriBaseIds : {};
    const results = Array.isArray(run.results) ? run.results : [];
    results.forEach((result, i) => {
      if (!isObject(result) || !counts(result)) return;
      const rule =
        (typeof result.ruleIndex === 'number' ? rules[result.ruleIndex] : undefined) ??
        byId.get(String(result.ruleId ?? (isObject(result.rule) ? result.rule.id : '')));
      const id = String(result.ruleId ?? rule?.id ?? `run ${r} result ${i}`);
      const location = locationOf(result, bases, root);
      out.push({
        id,
        aliases: typeof rule?.name === 'string' && rule.name !== id ? [rule.name] : [],
        title: textOf(result.message) || textOf(rule?.shortDescription) || id,
        severity: severityOf(result, rule),
        source: 'sarif',
        paths: location ? [location.path] : [],
        ...(location ? { location } : {}),
      });
    });
  });
  return out;
}

/**
 * SARIF's own ways of saying a result is not a problem: `kind` other than `fail` (pass,
 * notApplicable, informational, …), a suppression in force (`suppressions` whose status is not
 * `rejected` or `underReview`), or `baselineState: absent` (the result is gone).
 */
function counts(result: Record<string, unknown>): boolean {
  if (result.kind !== undefined && result.kind !== 'fail') return false;
  if (result.baselineState === 'absent') return false;
  const suppressions = Array.isArray(result.suppressions) ? result.suppressions : [];
  return !suppressions.some((s) => isObject(s) && s.status !== 'rejected' && s.status !== 'underReview');
}

function textOf(v: unknown): string {
  return isObject(v) && typeof v.text === 'string' ? v.text : '';
}

function severityOf(result: Record<string, unknown>, rule: Record<string, unknown> | undefined): Severity {
  const scoreOf = (v: unknown) => (isObject(v) ? v['security-severity'] : undefined);
  const score = Number.parseFloat(String(scoreOf(result.properties) ?? scoreOf(rule?.properties) ?? ''));
  if (score > 0 && score <= 10) {
    if (score >= 9) return 'critical';
    if (score >= 7) return 'high';
    if (score >= 4) return 'moderate';
    return 'low';
  }
  const ruleLevel = isObject(rule?.defaultConfiguration) ? rule.defaultConfiguration.level : undefined;
  const level = String(result.level ?? ruleLevel ?? 'warning');
  return ({ error: 'high', warning: 'moderate', note: 'low' } as Record<string, Severity>)[level] ?? 'info';
}

function locationOf(
  result: Record<string, unknown>,
  bases: Record<string, unknown>,
  root: string,
): { path: string; line?: number } | undefined {
  const first = Array.isArray(result.locations) ? result.locations[0] : undefined;
  const physical = isObject(first) && isObject(first.physicalLocation) ? first.physicalLocation : undefined;
  const artifact = isObject(physical?.artifactLocation) ? physical.artifactLocation : undefined;
  if (!artifact || typeof artifact.uri !== 'string') return undefined;
  const path = relativePath(resolveUri(artifact.uri, artifact.uriBaseId, bases), root);
  const line = isObject(physical?.region) ? Number(physical.region.startLine) : Number.NaN;
  return Number.isInteger(line) ? { path, line } : { path };
}

/** Follows `uriBaseId` through `originalUriBaseIds` (which may chain). */
function resolveUri(uri: string, baseId: unknown, bases: Record<string, unknown>, depth = 0): string {
  if (typeof baseId !== 'string' || depth > 8) return uri;
  const base = bases[baseId];
  if (!isObject(base) || typeof base.uri !== 'string') return uri;
  const prefix = resolveUri(base.uri, base.uriBaseId, bases, depth + 1);
  return prefix.endsWith('/') ? prefix + uri : `${prefix}/${uri}`;
}

function relativePath(uri: string, root: string): string {
  let path = uri.startsWith('file://') ? uri.slice('file://'.length) : uri;
  try {
    path = decodeURIComponent(path);
  } catch {
    // not percent-encoded
  }
  const base = root.replace(/\\/g, '/').replace(/\/?$/, '/');
  if (path.startsWith(base)) path = path.slice(base.length);
  return path.replace(/^\.\//, '');
}
