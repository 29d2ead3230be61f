import { answerMarkdown } from '../../command/ask-text.js';
import { ShipkitError } from '../../errors.js';
import type { PullHead } from '../../github/command-calls.js';
import { comparePerf } from './bench.js';
import { codegenDrift } from './codegen.js';
import { readSavedGate } from './gate.js';
import { type CommandRun, CommandStopped } from './types.js';

/** One section of the results sent to Claude holds at most this many characters of JSON. */
const SECTION_LIMIT = 20_000;

/**
 * `/ask QUESTION`: Claude answers from the pull request's shipkit results for the captured head
 * (the gate result its CI saved, the perf comparison against the stored runs, the codegen check),
 * read as `/gate`, `/bench` and `/codegen` read them, writing nothing. Off unless
 * `commands.ask.enabled` and the `anthropic-api-key` input; the answer is shown as escaped text.
 */
export async function run(r: CommandRun<{ question: string }>): Promise<string> {
  const pull = r.pull;
  if (!pull) throw new ShipkitError('/ask acts on a pull request');
  const settings = r.config.commands.ask;
  if (!settings.enabled) {
    throw new CommandStopped('/ask is off in this repository', {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: an Actions expression, not a JS template
      hint: 'Set `commands: ask: enabled: true` in .github/shipkit.yml and pass `anthropic-api-key: ${{ secrets.ANTHROPIC_API_KEY }}` to the command action.',
    });
  }
  const apiKey = r.io.input('anthropic-api-key');
  if (!apiKey) {
    throw new CommandStopped('/ask is on but the workflow gives no Anthropic API key', {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: an Actions expression, not a JS template
      hint: 'Pass `anthropic-api-key: ${{ secrets.ANTHROPIC_API_KEY }}` to the command action.',
    });
  }
  const results = await pullResults(r, pull);
  const { answerQuestion } = await import('../../ai/pr-answer.js');
  let answer: string;
  try {
    answer = await answerQuestion(
      { apiKey, ...(settings.model ? { model: settings.model } : {}) },
      r.args.question,
      results,
    );
  } catch (err) {
    if (!(err instanceof ShipkitError)) throw err;
    throw new ShipkitError(`no answer: ${err.message}`, {
      hint: 'Ask again later; /gate and /bench show the results without Claude.',
    });
  }
  const missing = Object.entries(results)
    .filter(([, v]) => (v as { unavailable?: string }).unavailable)
    .map(([k]) => k);
  const from = missing.length ? ` (not available: ${missing.join(', ')})` : '';
  return `${answerMarkdown(answer)}\n\n_Answered by Claude from shipkit's results for \`${pull.sha.slice(0, 7)}\`${from}; it can be wrong: /gate and /bench show the results themselves._`;
}

/** The head's gate result, perf comparison and codegen check, each bounded, or why it is not available. */
async function pullResults(r: CommandRun, pull: PullHead): Promise<Record<string, unknown>> {
  const section = async (name: string, read: () => Promise<unknown>): Promise<unknown> => {
    try {
      const json = JSON.stringify(await read());
      return json.length > SECTION_LIMIT ? { truncated: json.slice(0, SECTION_LIMIT) } : JSON.parse(json);
    } catch (err) {
      r.io.info(`/ask: the ${name} is not available: ${(err as Error).message}`);
      return { unavailable: (err as Error).message.split('\n')[0]?.slice(0, 300) };
    }
  };
  return {
    gate: await section('gate result', async () => {
      const { saved, artifact } = await readSavedGate(r, pull);
      return { run: artifact.runId, verdict: saved.verdict, results: saved.results };
    }),
    performance: await section('perf comparison', async () => (await comparePerf(r, pull)).result),
    codegen: await section('codegen check', async () => {
      const report = await codegenDrift(r, pull);
      return {
        upToDate: !report.stale,
        targets: report.checks.map((c) => ({
          spec: c.target.spec,
          out: c.target.out,
          upToDate: c.upToDate,
          staleFiles: c.stale,
          changes: c.changes,
        })),
      };
    }),
  };
}
