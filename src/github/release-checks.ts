import { ShipkitError } from '../errors.js';
import type { GitHub } from './client.js';

export interface ChecksOptions {
  owner: string;
  repo: string;
  sha: string;
  /** Check names that must pass; empty: every check run on the commit. */
  required: string[];
  timeoutMs: number;
  /** Runs of this workflow run (GITHUB_RUN_ID) are left out: the release job cannot wait for itself. */
  runId?: string;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
  info: (m: string) => void;
}

const GREEN = new Set(['success', 'neutral', 'skipped']);

interface Run {
  name: string;
  status: string;
  conclusion: string | null;
  details_url?: string | null;
  html_url?: string | null;
}

/**
 * Waits until the tag's commit has green required checks: a failed one fails at once, a missing
 * or running one is waited for up to `timeoutMs`. One API call per poll.
 */
export async function verifyChecks(gh: GitHub, o: ChecksOptions): Promise<string[]> {
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const pollMs = o.pollMs ?? 10_000;
  const deadline = Date.now() + o.timeoutMs;
  for (;;) {
    const { data } = await gh.rest.checks.listForRef({
      owner: o.owner,
      repo: o.repo,
      ref: o.sha,
      per_page: 100,
      filter: 'latest',
    });
    const runs = (data.check_runs as Run[]).filter(
      (r) => !(o.runId && (r.details_url ?? r.html_url ?? '').includes(`/actions/runs/${o.runId}/`)),
    );
    const wanted = o.required.length > 0 ? o.required : [...new Set(runs.map((r) => r.name))];
    const failed = runs.filter(
      (r) => wanted.includes(r.name) && r.status === 'completed' && !GREEN.has(r.conclusion ?? ''),
    );
    if (failed.length > 0) {
      throw new ShipkitError(
        `required checks failed on ${o.sha.slice(0, 7)}: ${failed.map((r) => `${r.name} (${r.conclusion})`).join(', ')}`,
        {
          hint: 'Fix the failure and re-run the checks, then re-run this release job: it completes what is missing.',
        },
      );
    }
    const pending = wanted.filter((name) => !runs.some((r) => r.name === name && r.status === 'completed'));
    if (pending.length === 0) return wanted;
    if (Date.now() + pollMs > deadline) {
      throw new ShipkitError(`required checks not finished on ${o.sha.slice(0, 7)}: ${pending.join(', ')}`, {
        hint: 'Raise `release.checks_timeout`, check that `release.required_checks` names real check runs, or re-run once they pass.',
      });
    }
    o.info(`waiting for checks on ${o.sha.slice(0, 7)}: ${pending.join(', ')}`);
    await sleep(pollMs);
  }
}
