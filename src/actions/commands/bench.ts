import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ShipkitError } from '../../errors.js';
import { writeFileAtomic } from '../../fs/atomic.js';
import { limitOf } from '../../fs/read.js';
import { findRunArtifact, readArtifactFile } from '../../github/artifact.js';
import type { PullHead } from '../../github/command-calls.js';
import { upsertStickyComment } from '../../github/comment.js';
import { DataBranchHistoryStore } from '../../github/perf-history.js';
import { renderPerfGate } from '../../perf/render.js';
import { perfGate } from '../../perf/request.js';
import { perfSettings } from '../../perf/settings.js';
import type { CommandRun } from './types.js';

/**
 * `/bench`: the perf gate's comparison of the head commit's benchmark results (the file its CI
 * uploaded as an artifact, read through the API) against the runs stored on the data branch, by
 * the perf request (history mode) and published as the same sticky comment the perf-gate action
 * writes. No benchmark is run here.
 */
export async function run(r: CommandRun): Promise<string> {
  const pull = r.pull;
  if (!pull) throw new ShipkitError('/bench acts on a pull request');
  const { result, artifact, settings, branch } = await comparePerf(r, pull);
  const markdown = renderPerfGate(result, { trendPoints: settings.history });
  await r.beforeWrite();
  const posted = await upsertStickyComment(
    r.gh,
    { ...r.repo, issueNumber: pull.number, key: 'perf-gate' },
    markdown,
  );
  return `Performance: **${result.verdict}** against the runs stored on \`${branch}\`, for the results of run [${artifact.runId}](${artifact.runUrl}). The [perf comment](${posted.url}) is ${posted.action}.`;
}

/** The perf request's comparison of the head's uploaded results against the stored runs; nothing written. */
export async function comparePerf(r: CommandRun, pull: PullHead) {
  const { artifact: name, file, data_branch: branch } = r.config.commands.bench;
  const artifact = await findRunArtifact(r.gh, r.repo, pull, name, {
    command: '/bench',
    hint: `Upload the benchmark output (${file}) with actions/upload-artifact as ${name} in the pull request's CI, then comment /bench again.`,
  });
  const text = await readArtifactFile(r.gh, r.repo, artifact, file, limitOf('report'));
  const dir = mkdtempSync(join(tmpdir(), 'shipkit-bench-'));
  try {
    const path = join(dir, file.replace(/[^\w.-]/g, '_'));
    await writeFileAtomic(path, text);
    const settings = perfSettings(r.config.gates.performance);
    const store = new DataBranchHistoryStore(r.gh, { ...r.repo, branch }, r.io.warn);
    const { result } = await perfGate(
      { source: { mode: 'history', head: path }, settings, commit: pull.sha },
      { store },
    );
    return { result, artifact, settings, branch };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
