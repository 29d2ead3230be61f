import { inflateRawSync } from 'node:zlib';
import { ShipkitError } from '../errors.js';
import type { GitHub } from './client.js';
import type { Repo } from './command-calls.js';

/** An artifact larger than this is not downloaded (a command reads a small result file). */
const MAX_ARTIFACT_BYTES = 64 * 1024 * 1024;

export interface FoundArtifact {
  id: number;
  name: string;
  runId: number;
  runUrl: string;
  event: string;
}

/**
 * On a fork's pull request, the one event whose run is this repository's workflow acting on its own:
 * `pull_request_target` runs the base branch's workflow files. A `pull_request` run runs the fork's
 * files, and a `workflow_run` run commonly re-uploads what such a run saved, so neither is read.
 */
const FORK_TRUSTED_EVENTS = new Set(['pull_request_target']);

/**
 * The artifact `name` of the newest workflow run for `pull.sha` that has one (not expired), read
 * from the Actions API: runs for that head SHA, newest first, then each run's artifacts by name.
 * On a fork's pull request only `pull_request_target` runs are read, and when no such run has the
 * artifact the error says so (a result the fork's own workflow saved is never published as the
 * base repository's verdict).
 */
export async function findRunArtifact(
  gh: GitHub,
  repo: Repo,
  pull: { number: number; sha: string; sameRepository: boolean; repository: string | undefined },
  name: string,
  /** The command reading it, and how to make the artifact when no run has it. */
  o: { command: string; hint: string },
): Promise<FoundArtifact> {
  const sha = pull.sha;
  const { data } = await gh.rest.actions.listWorkflowRunsForRepo({ ...repo, head_sha: sha, per_page: 100 });
  const runs = data.workflow_runs
    .filter((r) => r.head_sha === sha)
    .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id);
  let untrusted = 0;
  for (const run of runs) {
    if (!pull.sameRepository && !FORK_TRUSTED_EVENTS.has(run.event)) {
      untrusted += 1;
      continue;
    }
    const { data: list } = await gh.rest.actions.listWorkflowRunArtifacts({
      ...repo,
      run_id: run.id,
      name,
      per_page: 10,
    });
    const found = list.artifacts.find((a) => a.name === name && !a.expired);
    if (!found) continue;
    if (found.size_in_bytes > MAX_ARTIFACT_BYTES) {
      throw new ShipkitError(
        `the artifact ${name} of run ${run.id} is ${found.size_in_bytes} bytes, over 64 MiB`,
        {
          hint: 'Upload the result file alone in its own artifact.',
        },
      );
    }
    return { id: found.id, name, runId: run.id, runUrl: run.html_url, event: run.event };
  }
  if (untrusted > 0) {
    throw new ShipkitError(
      `pull request #${pull.number} is from a fork (${pull.repository ?? 'unknown'}): ${untrusted} run(s) for ${sha.slice(0, 7)} were not made by this repository's own workflow (pull_request_target), so a result they saved could be forged, and ${o.command} does not read it`,
      {
        hint: `Make ${name} in a pull_request_target run of this repository's workflow, then comment ${o.command} again; see docs/commands.md.`,
      },
    );
  }
  throw new ShipkitError(`no workflow run for ${sha.slice(0, 7)} has an artifact named ${name}`, {
    hint: o.hint,
  });
}

/** Downloads an artifact (a zip) and returns the text of one file in it. */
export async function readArtifactFile(
  gh: GitHub,
  repo: Repo,
  artifact: FoundArtifact,
  path: string,
  maxBytes: number,
): Promise<string> {
  const { data } = await gh.rest.actions.downloadArtifact({
    ...repo,
    artifact_id: artifact.id,
    archive_format: 'zip',
  });
  const zip = Buffer.from(data as ArrayBuffer);
  if (zip.length > MAX_ARTIFACT_BYTES) throw new ShipkitError(`the artifact ${artifact.name} is over 64 MiB`);
  const text = unzipEntry(zip, path, maxBytes);
  if (text === undefined) {
    throw new ShipkitError(`the artifact ${artifact.name} of run ${artifact.runId} has no ${path}`, {
      hint: 'Upload the file the gate action writes with `report-file` under that name.',
    });
  }
  return text;
}

/**
 * One file of a zip archive, read from the central directory (stored or deflated entries, no
 * Zip64): its size is checked before it is inflated, and the inflate is capped at that size.
 */
export function unzipEntry(zip: Buffer, path: string, maxBytes: number): string | undefined {
  const bad = (why: string) => new ShipkitError(`the artifact is not a readable zip: ${why}`);
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > zip.length) throw bad('no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw bad('a broken central directory');
    const method = zip.readUInt16LE(at + 10);
    const packed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + skip;
    if (name !== path) continue;
    if (size > maxBytes) throw new ShipkitError(`${path} in the artifact is ${size} bytes, over ${maxBytes}`);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50)
      throw bad(`no local header for ${path}`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(start, start + packed);
    if (method === 0) return body.toString('utf8');
    if (method !== 8) throw bad(`${path} is compressed with method ${method}`);
    return inflateRawSync(body, { maxOutputLength: Math.max(size, 1) }).toString('utf8');
  }
  return undefined;
}
