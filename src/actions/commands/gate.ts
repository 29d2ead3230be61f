import { renderSaved, SAVED_OUTCOME } from '../../gate/outcome.js';
import { findRunArtifact, readArtifactFile } from '../../github/artifact.js';
import type { PullHead } from '../../github/command-calls.js';
import { upsertStickyComment } from '../../github/comment.js';
import { ShipkitError } from '../../errors.js';
import { limitOf } from '../../fs/read.js';
import { parseVersioned } from '../../versioned-json.js';
import type { CommandRun } from './types.js';

/**
 * `/gate`: the gate result that the pull request's CI saved for its head commit (the gate action's
 * `report-file`, uploaded as an artifact), read through the API, rendered by the gate core and
 * published as the same sticky comment the gate action writes. No report is read from a checkout.
 */
export async function run(r: CommandRun): Promise<string> {
  const pull = r.pull;
  if (!pull) throw new ShipkitError('/gate acts on a pull request');
  const { saved, artifact, where } = await readSavedGate(r, pull);
  const rendered = renderSaved(saved, where);
  await r.beforeWrite();
  const posted = await upsertStickyComment(
    r.gh,
    { ...r.repo, issueNumber: pull.number, key: 'gate' },
    rendered.comment,
  );
  return [
    `Gate verdict: **${rendered.verdict}**, from the result run [${artifact.runId}](${artifact.runUrl}) (${artifact.event}) saved for this commit.`,
    `The [gate comment](${posted.url}) is ${posted.action}.`,
  ].join('\n');
}

/** The gate result the pull request's CI saved for the captured head (an artifact, read through the API). */
export async function readSavedGate(r: CommandRun, pull: PullHead) {
  const { artifact: name, file } = r.config.commands.gate;
  const artifact = await findRunArtifact(r.gh, r.repo, pull, name, {
    command: '/gate',
    hint: 'Run the gate action with `report-file` and upload that file with actions/upload-artifact (see docs/gate.md), then comment /gate again.',
  });
  const text = await readArtifactFile(r.gh, r.repo, artifact, file, limitOf('report'));
  const where = `${name}/${file}`;
  const saved = parseVersioned(SAVED_OUTCOME, text, where);
  if (saved.headSha !== pull.sha) {
    throw new ShipkitError(
      `${where} of run ${artifact.runId} is for ${saved.headSha.slice(0, 7)}, not the head ${pull.sha.slice(0, 7)}`,
    );
  }
  return { saved, artifact, where };
}
