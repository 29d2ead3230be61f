// Scratch folders for tools that work on files (buf compiles a workspace of .proto modules):
// created under the system's temporary folder, removed whole when the work is done.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ScratchDir {
  readonly dir: string;
  /** Deletes the folder and everything in it; safe to call twice. */
  remove(): void;
}

/** A new empty folder under the temporary folder, named `<prefix>XXXXXX`. */
export function scratchDir(prefix: string): ScratchDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes a file inside a scratch folder (its folder must exist). */
export function writeScratchFile(path: string, content: string | Uint8Array): void {
  writeFileSync(path, content);
}

/** Makes a folder inside a scratch folder. */
export function makeScratchFolder(path: string): void {
  mkdirSync(path);
}

/** A link at `path` to the folder `target` (a scratch workspace that points at the user's files). */
export function linkFolder(target: string, path: string): void {
  symlinkSync(target, path, 'dir');
}
