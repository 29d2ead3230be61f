import { webhookExample } from '../harness/webhooks.js';

/** GitHub's own `pull_request` `opened` example, its base and head moved to the given commits. */
export function pullRequestEvent(base: string, head: string) {
  const payload = webhookExample('pull_request', 'opened');
  const pr = payload.pull_request as { base: { sha: string }; head: { sha: string } };
  pr.base.sha = base;
  pr.head.sha = head;
  return { name: 'pull_request', payload };
}
