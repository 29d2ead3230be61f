// The REST objects of the report's stand-in (github-report.ts): workflow runs, code-scanning and
// Dependabot alerts, complete as GitHub answers them (the stand-in validates every answer).
import type { Json } from './github-objects.js';
import { nodeId } from './github-objects.js';
import type { SeedRun } from './github-report.js';

export function workflowRun(base: string, repo: Json, id: number, r: SeedRun, defaultBranch: string): Json {
  const url = `${base}/actions/runs/${id}`;
  const workflowId = 100 + [...r.name].reduce((s, c) => s + c.charCodeAt(0), 0);
  const updated = new Date(Date.parse(r.createdAt) + r.seconds * 1000)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
  return {
    id,
    name: r.name,
    node_id: nodeId('WFR', id),
    head_branch: r.branch ?? defaultBranch,
    head_sha: r.headSha,
    path: `.github/workflows/${r.name.toLowerCase().replace(/\W+/g, '-')}.yml`,
    display_title: r.name,
    run_number: id,
    run_attempt: r.attempt ?? 1,
    event: 'push',
    status: r.status ?? 'completed',
    conclusion: r.conclusion,
    workflow_id: workflowId,
    url,
    html_url: `https://github.com/o/r/actions/runs/${id}`,
    pull_requests: [],
    created_at: r.createdAt,
    updated_at: updated,
    run_started_at: r.createdAt,
    jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`,
    check_suite_url: `${base}/check-suites/${id}`,
    artifacts_url: `${url}/artifacts`,
    cancel_url: `${url}/cancel`,
    rerun_url: `${url}/rerun`,
    workflow_url: `${base}/actions/workflows/${workflowId}`,
    head_commit: null,
    repository: repo,
    head_repository: repo,
  };
}

export function codeScanningAlert(
  base: string,
  n: number,
  a: { severity: string; securitySeverity?: string },
): Json {
  const url = `${base}/code-scanning/alerts/${n}`;
  return {
    number: n,
    created_at: '2026-11-01T10:00:00Z',
    url,
    html_url: `https://github.com/o/r/security/code-scanning/${n}`,
    instances_url: `${url}/instances`,
    state: 'open',
    dismissed_by: null,
    dismissed_at: null,
    dismissed_reason: null,
    rule: {
      id: `js/rule-${n}`,
      name: `rule-${n}`,
      severity: a.severity,
      security_severity_level: a.securitySeverity ?? null,
      description: 'A rule',
      tags: ['security'],
    },
    tool: { name: 'CodeQL', version: '2.19.0', guid: null },
    most_recent_instance: {
      ref: 'refs/heads/main',
      analysis_key: '.github/workflows/codeql.yml:analyze',
      environment: '{}',
      category: 'js',
      state: 'open',
      commit_sha: 'a'.repeat(40),
      message: { text: 'Something' },
      location: { path: 'src/a.ts', start_line: 1, end_line: 1, start_column: 1, end_column: 2 },
      classifications: [],
    },
  };
}

export function dependabotAlert(
  base: string,
  n: number,
  severity: 'low' | 'medium' | 'high' | 'critical',
): Json {
  const pkg = { ecosystem: 'npm', name: `package-${n}` };
  const vulnerability = {
    package: pkg,
    severity,
    vulnerable_version_range: '< 1.2.3',
    first_patched_version: { identifier: '1.2.3' },
  };
  return {
    number: n,
    state: 'open',
    dependency: {
      package: pkg,
      manifest_path: 'package-lock.json',
      scope: 'runtime',
      relationship: 'direct',
    },
    security_advisory: {
      ghsa_id: `GHSA-xxxx-xxxx-${String(n).padStart(4, '0')}`,
      cve_id: null,
      summary: 'A vulnerability',
      description: 'A vulnerability in a package.',
      vulnerabilities: [vulnerability],
      severity,
      cvss: { score: 7.5, vector_string: null },
      cwes: [],
      identifiers: [{ type: 'GHSA', value: `GHSA-xxxx-xxxx-${String(n).padStart(4, '0')}` }],
      references: [],
      published_at: '2026-10-01T00:00:00Z',
      updated_at: '2026-10-01T00:00:00Z',
      withdrawn_at: null,
    },
    security_vulnerability: vulnerability,
    url: `${base}/dependabot/alerts/${n}`,
    html_url: `https://github.com/o/r/security/dependabot/${n}`,
    created_at: '2026-11-01T10:00:00Z',
    updated_at: '2026-11-01T10:00:00Z',
    dismissed_at: null,
    dismissed_by: null,
    dismissed_reason: null,
    dismissed_comment: null,
    fixed_at: null,
  };
}
