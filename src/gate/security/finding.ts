/** One security finding, from npm audit or SARIF. */
export type Severity = 'critical' | 'high' | 'moderate' | 'low' | 'info';

export interface Finding {
  /** The advisory (GHSA id when known) or SARIF rule id. */
  id: string;
  /** Other names the same advisory goes by: CVE ids, npm advisory numbers, URLs. */
  aliases: string[];
  title: string;
  severity: Severity;
  source: 'npm-audit' | 'sarif';
  /** The vulnerable package (npm audit). */
  package?: string;
  /** Dependency paths (`a>b>c`) for npm audit; repository paths for SARIF. */
  paths: string[];
  /** Where a SARIF result points. */
  location?: { path: string; line?: number };
}

/** High and critical findings are vulnerabilities; moderate and low are warnings; info counts as neither. */
export function isVulnerability(f: Finding): boolean {
  return f.severity === 'critical' || f.severity === 'high';
}

export function isWarning(f: Finding): boolean {
  return f.severity === 'moderate' || f.severity === 'low';
}

export const SEVERITY_ORDER: Severity[] = ['critical', 'high', 'moderate', 'low', 'info'];
