import { basename, dirname, join } from 'node:path';
import { ShipkitError } from '../errors.js';
import { writeFilesAtomic } from '../fs/atomic.js';
import { readTextIfExists } from '../fs/read.js';

export interface VersionFile {
  path: string;
  /** Text on the line holding the version, e.g. `x-release-please-version`. */
  marker?: string;
  /** Skipped when the file does not exist (the default package.json), instead of an error. */
  optional?: boolean;
}

/** A file whose content changes: its path relative to the root and the new content. */
export interface FileUpdate {
  path: string;
  content: string;
}

const SEMVER_IN_LINE = /\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?/;

/** The new content of a package.json or package-lock.json with `version` set; undefined when unchanged. */
function setJsonVersion(text: string, version: string, lockfile: boolean, file: string): string | undefined {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    throw new ShipkitError(`${file} is not valid JSON: ${(err as Error).message}`, { location: { file } });
  }
  const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? '  ';
  let changed = data.version !== version;
  data.version = version;
  const root = (data.packages as Record<string, Record<string, unknown>> | undefined)?.[''];
  if (lockfile && root && root.version !== version) {
    root.version = version;
    changed = true;
  }
  if (!changed) return undefined;
  return `${JSON.stringify(data, null, indent)}${text.endsWith('\n') ? '\n' : ''}`;
}

/** Each line holding the marker gets its first semver replaced; undefined when unchanged. */
function setMarkedVersion(text: string, version: string, marker: string, file: string): string | undefined {
  let found = false;
  const out = text
    .split('\n')
    .map((line) => {
      if (!line.includes(marker)) return line;
      found = true;
      return line.replace(SEMVER_IN_LINE, version);
    })
    .join('\n');
  if (!found) {
    throw new ShipkitError(`${file} has no line with the marker ${JSON.stringify(marker)}`, {
      location: { file },
      hint: `Put \`${marker}\` in a comment on the line that holds the version, or fix \`release.version_files\`.`,
    });
  }
  return out === text ? undefined : out;
}

/**
 * Works out the version-file updates (package.json brings its package-lock.json along). Files
 * already at the version are left out, so a re-run has nothing to change.
 */
export async function versionFileUpdates(
  read: FileReader,
  files: VersionFile[],
  version: string,
): Promise<FileUpdate[]> {
  const updates: FileUpdate[] = [];
  for (const f of files) {
    const text = await readText(read, f.path, !f.optional);
    if (text === undefined) continue;
    if (f.marker) {
      const next = setMarkedVersion(text, version, f.marker, f.path);
      if (next !== undefined) updates.push({ path: f.path, content: next });
      continue;
    }
    if (!f.path.endsWith('.json')) {
      throw new ShipkitError(`${f.path}: a version file other than JSON needs a marker`, {
        location: { file: f.path },
        hint: 'Write it as `{path: …, marker: x-release-please-version}` and put the marker on the version line.',
      });
    }
    const next = setJsonVersion(text, version, basename(f.path) === 'package-lock.json', f.path);
    if (next !== undefined) updates.push({ path: f.path, content: next });
    if (basename(f.path) === 'package.json') {
      const lockPath = join(dirname(f.path), 'package-lock.json');
      const lock = await readText(read, lockPath, false);
      const nextLock = lock === undefined ? undefined : setJsonVersion(lock, version, true, lockPath);
      if (nextLock !== undefined) updates.push({ path: lockPath, content: nextLock });
    }
  }
  return updates;
}

/** Reads a file of the repository by its relative path; undefined when there is none. */
export type FileReader = (path: string) => Promise<string | undefined>;

/** Reads files from the working tree at `root`. */
export function workingTreeReader(root: string): FileReader {
  return async (path) => readTextIfExists(join(root, path), { kind: 'source', what: path, file: path });
}

async function readText(read: FileReader, path: string, required: boolean): Promise<string | undefined> {
  const text = await read(path);
  if (text === undefined && required) {
    throw new ShipkitError(`version file ${path} does not exist`, {
      location: { file: path },
      hint: 'Fix `release.version_files` in shipkit.yml: paths are relative to the repository root.',
    });
  }
  return text;
}

/** Writes CHANGELOG.md and the version files all or none (a reader never sees half of them). */
export async function writeUpdates(root: string, updates: FileUpdate[]): Promise<void> {
  await writeFilesAtomic(
    root,
    updates.map((u) => [u.path, u.content] as const),
  );
}
