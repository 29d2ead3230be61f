import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface WebhookGroup {
  name: string;
  examples: Record<string, unknown>[];
}

let all: WebhookGroup[] | undefined;

/**
 * A real webhook payload from `@octokit/webhooks-examples` (GitHub's own examples): the first
 * example of `event` whose `action` matches, optionally narrowed by `where`.
 */
export function webhookExample(
  event: string,
  action?: string,
  where: (payload: Record<string, unknown>) => boolean = () => true,
): Record<string, unknown> {
  all ??= require('@octokit/webhooks-examples') as WebhookGroup[];
  const group = all.find((g) => g.name === event);
  if (!group) throw new Error(`no webhook examples for event "${event}"`);
  const found = group.examples.find((e) => (action === undefined || e.action === action) && where(e));
  if (!found) throw new Error(`no "${event}" example with action "${action}"`);
  return structuredClone(found);
}
