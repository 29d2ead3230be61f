import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tscPath, writeClientProject } from '../../scripts/client-project.mjs';

export const root = resolve(import.meta.dirname, '../..');
export const fixtures = join(root, 'test/fixtures/codegen');

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `shipkit-codegen-${prefix}-`));
}

/** Writes each generated client into dir/<name>/ and returns the directory. */
export function writeClients(dir: string, clients: Record<string, Map<string, string>>): string {
  for (const [name, files] of Object.entries(clients)) {
    mkdirSync(join(dir, name), { recursive: true });
    for (const [file, text] of files) writeFileSync(join(dir, name, file), text);
  }
  return dir;
}

/** Runs the real `tsc --noEmit --strict` (TypeScript 5.9) over dir; returns its output ('' when clean). */
export function compile(dir: string, options: { emit?: boolean; files?: string[] } = {}): string {
  writeClientProject(dir, options);
  try {
    execFileSync(process.execPath, [tscPath, '-p', dir], { encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (err) {
    return String((err as { stdout?: string }).stdout ?? err);
  }
}
