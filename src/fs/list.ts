// What a core may ask about folders and paths, so that no core imports node:fs: whether a path
// exists, what kind of entry it is, a folder's entries, a real path. Reading and writing file
// contents go through read.ts (bounded) and atomic.ts (all or nothing).
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';

export type EntryKind = 'file' | 'directory' | 'link' | 'other';

/** One entry of a folder; a symbolic link is `link` (never followed). */
export interface DirEntry {
  name: string;
  kind: EntryKind;
}

function kindOf(e: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): EntryKind {
  if (e.isSymbolicLink()) return 'link';
  if (e.isFile()) return 'file';
  if (e.isDirectory()) return 'directory';
  return 'other';
}

/** Whether anything is at `path` (links followed). */
export function pathExists(path: string): boolean {
  return existsSync(path);
}

/** Whether `path` is a folder (links followed); false when nothing is there. */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** What is at `path` itself (a link is not followed) and its size, or undefined when nothing is. */
export function entryAt(path: string): { kind: EntryKind; size: number } | undefined {
  try {
    const s = lstatSync(path);
    return { kind: kindOf(s), size: s.size };
  } catch {
    return undefined;
  }
}

/** A folder's entries, in the order the system gives; throws (ENOENT, ENOTDIR...) as readdir does. */
export function listDirectory(dir: string): DirEntry[] {
  return readdirSync(dir, { withFileTypes: true }).map((e) => ({ name: e.name, kind: kindOf(e) }));
}

/** A folder's entries, or undefined when it cannot be read (missing, not a folder, no permission). */
export function listDirectoryIfReadable(dir: string): DirEntry[] | undefined {
  try {
    return listDirectory(dir);
  } catch {
    return undefined;
  }
}

/** The path with every symbolic link resolved, or undefined when it does not exist. */
export function realPathOf(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
