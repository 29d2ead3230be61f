import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { copyFile, link, lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ShipkitError } from '../errors.js';

/**
 * shipkit's one way to write files: all or nothing. Every file is first written to a temporary
 * file beside its destination (short names, so a long destination name fails here, before
 * anything is replaced), then renamed over it. When several files are written and a rename
 * fails, the ones already renamed are put back as they were.
 */

export type FileContent = string | Uint8Array;

/** Writes one file all or nothing: a reader never sees half a file. */
export async function writeFileAtomic(path: string, content: FileContent): Promise<void> {
  await writeFilesAtomic(dirname(path), [[basename(path), content]]);
}

interface Staged {
  dest: string;
  tmp: string;
  backup?: string;
  replaced: boolean;
}

/**
 * Writes every file (path relative to `root` → content) or none of them: a failure at any point
 * (a name too long, a directory in the way, a full disk) leaves the destination as it was,
 * directories created for the files included. A path that leaves `root` is refused.
 */
export async function writeFilesAtomic(
  root: string,
  files: Iterable<readonly [string, FileContent]>,
): Promise<void> {
  const entries = [...files].map(([name, content]) => ({ dest: inside(root, name), content }));
  const tag = randomBytes(6).toString('hex');
  const created: string[] = [];
  const staged: Staged[] = [];
  try {
    for (const [i, { dest, content }] of entries.entries()) {
      const made = await mkdir(dirname(dest), { recursive: true });
      if (made) created.push(made);
      const tmp = join(dirname(dest), `.shipkit-${tag}-${i}.tmp`);
      staged.push({ dest, tmp, replaced: false });
      await writeFile(tmp, content);
      if ((await lstat(dest).catch(() => undefined))?.isDirectory()) {
        throw Object.assign(new Error(`EISDIR: a directory is in the way of ${dest}`), { code: 'EISDIR' });
      }
    }
    // One file needs no backup: its rename is the commit.
    if (staged.length > 1) for (const s of staged) await backUp(s);
    for (const s of staged) {
      await rename(s.tmp, s.dest);
      s.replaced = true;
    }
  } catch (err) {
    await rollBack(staged, created);
    throw err;
  }
  await Promise.all(staged.map((s) => (s.backup ? rm(s.backup, { force: true }) : undefined)));
}

/** Keeps the destination's current content under a temporary name (a hard link, else a copy). */
async function backUp(s: Staged): Promise<void> {
  if (!(await lstat(s.dest).catch(() => undefined))) return;
  const backup = `${s.tmp.slice(0, -'.tmp'.length)}.bak`;
  await link(s.dest, backup).catch(() => copyFile(s.dest, backup));
  s.backup = backup;
}

async function rollBack(staged: Staged[], created: string[]): Promise<void> {
  for (const s of staged.slice().reverse()) {
    if (s.replaced) {
      if (s.backup) await rename(s.backup, s.dest).catch(() => undefined);
      else await rm(s.dest, { force: true });
    } else if (s.backup) await rm(s.backup, { force: true });
    await rm(s.tmp, { force: true });
  }
  for (const dir of created.reverse()) await rm(dir, { recursive: true, force: true });
}

/** `root/name`, refused when the name leads out of root (`../x`, an absolute path). */
function inside(root: string, name: string): string {
  const dest = resolve(root, name);
  const rel = relative(resolve(root), dest);
  if (rel === '' || rel.split(sep)[0] === '..' || isAbsolute(rel)) {
    throw new ShipkitError(`refusing to write ${JSON.stringify(name)}: it is outside ${root}`, {
      hint: 'Paths of written files are relative to their directory and stay inside it.',
      location: { file: name },
    });
  }
  return dest;
}

/**
 * Replaces the directory `dir` by one holding exactly `files` (relative path → content): they are
 * written into a temporary directory beside it, which is then swapped in. A failure at any point
 * leaves the previous directory untouched. Deciding whether `dir` may be replaced is the caller's.
 */
export async function replaceDirectoryAtomic(
  dir: string,
  files: Iterable<readonly [string, FileContent]>,
): Promise<void> {
  const parent = dirname(dir);
  await mkdir(parent, { recursive: true });
  const tag = randomBytes(6).toString('hex');
  const tmp = join(parent, `.shipkit-${tag}.tmp`);
  const old = join(parent, `.shipkit-${tag}.old`);
  try {
    await mkdir(tmp);
    const sorted = [...files].sort(([a], [b]) => (a < b ? -1 : 1));
    // Written one after the other without waiting on the thread pool (a generated client is
    // hundreds of small files: Google Ads v25 is 1,020), each folder made once.
    const made = new Set<string>([tmp]);
    for (const [name, text] of sorted) {
      const path = inside(tmp, name);
      const folder = dirname(path);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      writeFileSync(path, text);
    }
    const exists = await lstat(dir).then(
      () => true,
      () => false,
    );
    if (exists) await rename(dir, old);
    try {
      await rename(tmp, dir);
    } catch (err) {
      if (exists) await rename(old, dir);
      throw err;
    }
    await rm(old, { recursive: true, force: true });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
