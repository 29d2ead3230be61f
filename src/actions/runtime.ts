import * as core from './runner.js';
import { asShipkitError, ShipkitError, withHint } from '../errors.js';
import type { GitHub } from '../github/client.js';
import { type RunContext, readRunContext } from '../github/context.js';
import { appendJobSummary } from '../github/summary.js';
import { inertLog, redactSecrets } from '../render/log.js';

/** Inputs that hold credentials: masked before anything runs, redacted from every message. */
const SECRET_INPUTS = ['github-token', 'anthropic-api-key', 'slack-webhook'];

/** What an action's command gets from the runner: inputs, outputs, the summary, GitHub. */
export interface ActionIO {
  input(name: string): string;
  booleanInput(name: string): boolean;
  setOutput(name: string, value: string): void;
  summary(markdown: string): Promise<void>;
  warn(message: string): void;
  info(message: string): void;
  context(): RunContext;
  /** A GitHub client from the `github-token` input; fails with a clear message when there is none. */
  github(): Promise<GitHub>;
}

export type ActionCommand = (io: ActionIO) => Promise<void>;

/**
 * Runs one action command the way every shipkit action runs: errors become `::error`
 * annotations pointing at the file and line, a non-zero exit, and never a stack trace.
 */
export async function runActionCommand(command: ActionCommand): Promise<void> {
  try {
    await command(createIO());
  } catch (err) {
    report(err);
  }
}

function createIO(): ActionIO {
  let context: RunContext | undefined;
  let client: GitHub | undefined;
  // Masked before anything else runs, whether or not this command goes on to use it.
  const secrets = SECRET_INPUTS.map((name) => core.getInput(name)).filter(Boolean);
  for (const s of secrets) core.setSecret(s);
  const supplied = core.getInput('github-token');
  const io: ActionIO = {
    input: (name) => core.getInput(name),
    booleanInput: (name) => parseBoolean(name, core.getInput(name)),
    setOutput: (name, value) => core.setOutput(name, value),
    summary: async (markdown) => {
      await appendJobSummary(markdown);
    },
    // A warning is one escaped `::warning::` line; a log line may come from outside: both go
    // through the log context (src/render/log.ts) with every credential redacted.
    warn: (message) => core.warning(redactSecrets(message, secrets)),
    info: (message) => core.info(inertLog(redactSecrets(message, secrets))),
    context: () => {
      context ??= readRunContext();
      return context;
    },
    github: async () => {
      if (client) return client;
      const token = supplied;
      if (!token) {
        throw new ShipkitError('no GitHub token: this command talks to GitHub', {
          // biome-ignore lint/suspicious/noTemplateCurlyInString: an Actions expression, not a JS template
          hint: 'Pass `github-token: ${{ github.token }}` (the default) or a token secret under `with:`.',
        });
      }
      const ctx = io.context();
      const { createGitHub } = await import('../github/client.js');
      client = createGitHub(token, { apiUrl: ctx.apiUrl, graphqlUrl: ctx.graphqlUrl, warn: io.warn });
      return client;
    },
  };
  return io;
}

/** `true`/`false` (also yes/no, on/off); empty is false. */
function parseBoolean(name: string, value: string): boolean {
  const raw = value.trim().toLowerCase();
  if (raw === '') return false;
  if (['true', 'yes', 'on'].includes(raw)) return true;
  if (['false', 'no', 'off'].includes(raw)) return false;
  throw new ShipkitError(`input \`${name}\` must be true or false, got ${JSON.stringify(raw)}`, {
    hint: `Set \`${name}: true\` or \`${name}: false\` under \`with:\`.`,
  });
}

/**
 * The umbrella action declares every command's inputs, without the defaults that differ between
 * commands; this fills an input left empty with the chosen command's own action.yml default.
 */
export function withInputDefaults(io: ActionIO, defaults: Record<string, string>): ActionIO {
  const input = (name: string) => io.input(name) || defaults[name] || '';
  return { ...io, input, booleanInput: (name) => parseBoolean(name, input(name)) };
}

function report(err: unknown): void {
  const e = asShipkitError(err);
  const secrets = SECRET_INPUTS.map((name) => core.getInput(name));
  const clean = (text: string) => redactSecrets(text, secrets);
  if (!(err instanceof ShipkitError) && err instanceof Error && err.stack) core.debug(clean(err.stack));
  for (const d of e.details.length > 0 ? e.details : [e]) {
    const loc = d.location;
    core.error(clean(withHint(d)), {
      title: 'shipkit',
      ...(loc?.file ? { file: loc.file } : {}),
      ...(loc?.line !== undefined ? { startLine: loc.line } : {}),
      ...(loc?.column !== undefined ? { startColumn: loc.column } : {}),
    });
  }
  if (e.details.length > 0) core.error(clean(e.message));
  process.exitCode = 1;
}
