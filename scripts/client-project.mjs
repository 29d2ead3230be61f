// How a generated client is type-checked everywhere (tests, corpus, bench): a tsc project over
// `dir` with --strict (TypeScript 5.9 from node_modules), ESM, and node_modules linked for zod.
// Also how the corpus and the bench install the specs and tools they need beside the project.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
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

/**
 * Installs `packages` (name@version) into `store` (never package.json), unless every one is
 * there already; returns store/node_modules.
 */
export function installInto(store, packages) {
  const nm = join(store, 'node_modules');
  if (packages.every((p) => existsSync(join(nm, p.slice(0, p.lastIndexOf('@')))))) return nm;
  mkdirSync(store, { recursive: true });
  writeFileSync(join(store, 'package.json'), '{"private":true}');
  console.log(`installing ${packages.join(' ')} into ${store} …`);
  execFileSync('npm', ['i', '--no-audit', '--no-fund', '--ignore-scripts', ...packages], {
    cwd: store,
    stdio: 'inherit',
  });
  return nm;
}
