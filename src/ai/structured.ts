import Anthropic from '@anthropic-ai/sdk';
import { z } from 'zod';
import { ShipkitError } from '../errors.js';
import { boundedFetch, maxRetryWaitSeconds, requestTimeoutMs } from '../net/fetch.js';

export interface ClaudeOptions {
  apiKey: string;
  /** Messages API base URL (a loopback server in tests). */
  baseURL?: string;
  model?: string;
  /** Retries of rate limits (honouring retry-after) and server errors. */
  maxRetries?: number;
  timeoutMs?: number;
}

export const DEFAULT_MODEL = 'claude-sonnet-4-6';

/**
 * Asks Claude for one structured answer: the answer must be a call of the one tool offered, and
 * its input must satisfy `schema`. Anything else (a refusal, prose, a malformed input, an API
 * error after the SDK's retries) is a ShipkitError saying which. The answer is untrusted data.
 */
export async function askForTool<T extends z.ZodType>(
  options: ClaudeOptions,
  tool: { name: string; description: string; schema: T },
  system: string,
  prompt: string,
): Promise<z.output<T>> {
  const timeoutMs = options.timeoutMs ?? requestTimeoutMs(60_000);
  const client = new Anthropic({
    apiKey: options.apiKey,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    maxRetries: options.maxRetries ?? 2,
    timeout: timeoutMs,
    // A retry-after over SHIPKIT_MAX_RETRY_WAIT_S is not waited for (the SDK would wait hours).
    fetch: boundedFetch({ service: 'Claude API', timeoutMs, longWait: 'mark' }),
  });
  const inputSchema = z.toJSONSchema(tool.schema, { io: 'input', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  delete inputSchema.$schema;
  let message: Anthropic.Message;
  try {
    message = await client.messages.create({
      model: options.model ?? DEFAULT_MODEL,
      max_tokens: 4096,
      system,
      tools: [
        {
          name: tool.name,
          description: tool.description,
          input_schema: inputSchema as Anthropic.Tool.InputSchema,
        },
      ],
      tool_choice: { type: 'tool', name: tool.name },
      messages: [{ role: 'user', content: prompt }],
    });
  } catch (err) {
    if (err instanceof Anthropic.APIError) {
      const wait = err.headers?.get('x-shipkit-retry-wait');
      if (wait) {
        throw new ShipkitError(
          `Claude API answered ${err.status} to POST /v1/messages and asks to wait ${wait} s before retrying, over the ${maxRetryWaitSeconds()} s shipkit waits`,
          {
            hint: 'The plan is complete without AI; SHIPKIT_MAX_RETRY_WAIT_S raises the longest wait.',
            cause: err,
          },
        );
      }
      const what =
        err.status === 429 ? 'rate limit' : err.status ? `error ${err.status}` : 'connection error';
      throw new ShipkitError(`Claude API ${what} after retries: ${firstLine(err.message)}`, {
        hint: 'The plan is complete without AI; try again later for the drafts.',
        cause: err,
      });
    }
    throw err;
  }
  if (message.stop_reason === 'refusal') {
    throw new ShipkitError('Claude declined to answer', { hint: 'The plan is complete without AI.' });
  }
  const call = message.content.find((b) => b.type === 'tool_use' && b.name === tool.name);
  if (call?.type !== 'tool_use') {
    throw new ShipkitError(`Claude did not answer with ${tool.name} (stop reason ${message.stop_reason})`);
  }
  const parsed = tool.schema.safeParse(call.input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map(String).join('.') || 'input';
    throw new ShipkitError(
      `Claude's ${tool.name} answer is malformed: ${where}: ${issue?.message ?? 'invalid'} (${parsed.error.issues.length} problem(s))`,
      { hint: 'Nothing from it was used.' },
    );
  }
  return parsed.data;
}

function firstLine(s: string): string {
  return (s.split('\n')[0] ?? s).slice(0, 200);
}
