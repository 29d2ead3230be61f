// How a generated client is type-checked everywhere (tests, corpus, bench): a tsc project over
// `dir` with --strict (TypeScript 5.9 from node_modules), ESM, and node_modules linked for zod.
import { existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
export const tscPath = join(root, 'node_modules/typescript/bin/tsc');

/** Writes tsconfig.json and package.json into dir and links node_modules; returns dir. */
export function writeClientProject(dir, options = {}) {
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: options.lib ?? ['ES2022', 'DOM'],
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
  return dir;
}
