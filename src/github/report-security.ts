import type { GitHub } from './client.js';
import { type Page, pagesOf, type ReportRepo, readSection } from './report-section.js';

type CodeScanningAlert = { rule: { security_severity_level?: string | null; severity?: string | null } };
type DependabotAlert = { security_advisory: { severity: string } };

const CODE_SCANNING_GRANT =
  'give the workflow `permissions: security-events: read` (and enable code scanning for the repository)';
const DEPENDABOT_GRANT =
  "the workflow's GITHUB_TOKEN cannot read Dependabot alerts: pass the action's `token` input a fine-grained token or GitHub App token with the `Dependabot alerts: read` permission (a classic token needs `security_events`)";

/** Alerts read at most per kind (pages of 100). */
const MAX_PAGES = 10;

function bySeverity(levels: string[]) {
  const counts: Record<string, number> = {};
  for (const l of levels) counts[l] = (counts[l] ?? 0) + 1;
  return counts;
}

/**
 * Open alerts of one kind by severity: every page of `list` (at most MAX_PAGES), n/a with `grant`
 * when the token may not read them.
 */
function readAlerts<T>(
  endpoint: string,
  list: () => Promise<Page<T>>,
  severityOf: (alert: T) => string,
  gh: GitHub,
  grant: string,
) {
  return readSection(
    endpoint,
    async () => {
      const levels: string[] = [];
      for await (const data of pagesOf<T>(gh, list, undefined, MAX_PAGES)) {
        for (const a of data) levels.push(severityOf(a));
      }
      return { open: levels.length, bySeverity: bySeverity(levels), source: `${endpoint}?state=open` };
    },
    grant,
  );
}

/** Open code-scanning alerts by severity (the security severity when the rule has one). */
function readCodeScanning(gh: GitHub, ref: ReportRepo) {
  return readAlerts<CodeScanningAlert>(
    `GET /repos/${ref.owner}/${ref.repo}/code-scanning/alerts`,
    () => gh.rest.codeScanning.listAlertsForRepo({ ...ref, state: 'open', per_page: 100 }),
    (a) => a.rule.security_severity_level ?? a.rule.severity ?? 'unknown',
    gh,
    CODE_SCANNING_GRANT,
  );
}

/** Open Dependabot alerts by advisory severity; GITHUB_TOKEN gets a 403 here, which is n/a saying why. */
function readDependabot(gh: GitHub, ref: ReportRepo) {
  return readAlerts<DependabotAlert>(
    `GET /repos/${ref.owner}/${ref.repo}/dependabot/alerts`,
    () => gh.rest.dependabot.listAlertsForRepo({ ...ref, state: 'open', per_page: 100 }),
    (a) => a.security_advisory.severity,
    gh,
    DEPENDABOT_GRANT,
  );
}

export async function readSecurity(gh: GitHub, ref: ReportRepo) {
  const [codeScanning, dependabot] = await Promise.all([readCodeScanning(gh, ref), readDependabot(gh, ref)]);
  return { codeScanning, dependabot };
}
