import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');
export const fixtures = join(root, 'test/fixtures/codegen');
const tsc = join(root, 'node_modules/typescript/bin/tsc');

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
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2022', 'DOM'],
        types: [],
        skipLibCheck: true,
        ...(options.emit ? { outDir: 'js', rootDir: '.' } : { noEmit: true }),
      },
      ...(options.files ? { files: options.files } : { include: ['**/*.ts'] }),
    }),
  );
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  if (!existsSync(join(dir, 'node_modules')))
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  try {
    execFileSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (err) {
    return String((err as { stdout?: string }).stdout ?? err);
  }
}
