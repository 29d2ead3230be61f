// How a generated client is type-checked everywhere (tests, corpus, bench): a tsc project over
// `dir` with --strict (TypeScript 5.9 from node_modules), ESM, and node_modules linked for zod.
// Also how the corpus and the bench install the specs and tools they need beside the project.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
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
  const installed = (p) => {
    const file = join(nm, p.slice(0, p.lastIndexOf('@')), 'package.json');
    return (
      existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).version === p.slice(p.lastIndexOf('@') + 1)
    );
  };
  if (packages.every(installed)) return nm;
  mkdirSync(store, { recursive: true });
  writeFileSync(join(store, 'package.json'), '{"private":true}');
  console.log(`installing ${packages.join(' ')} into ${store} …`);
  execFileSync('npm', ['i', '--no-audit', '--no-fund', '--ignore-scripts', ...packages], {
    cwd: store,
    stdio: 'inherit',
  });
  return nm;
}

/**
 * Tools the tests and .ci/run use that are too big for `npm ci` (Prism: 90 MB), each installed once into its
 * own cached directory ($SHIPKIT_TOOLS/<name>, default ~/.cache/shipkit-tools/<name>). .ci/run
 * installs them before the tests (scripts/install-tools.mjs); a test that finds one missing
 * installs it there, and fails if it cannot.
 */
export const TOOLS = {
  // 5.14.2: the last Prism that runs on Node 20 (5.15 and later need Node 24).
  prism: { packages: ['@stoplight/prism-cli@5.14.2'], main: '@stoplight/prism-cli/dist/index.js' },
  // GitHub's local runner for JavaScript actions (330 MB with its dependencies); 7.0.1 declares
  // Node ^20 || ^22 || ^24. Run through its own tsx (scripts/local-action.mjs).
  'local-action': {
    packages: ['@github/local-action@7.0.1'],
    main: '@github/local-action/src/index.ts',
  },
  // The proto toolchain shipkit itself installs when buf is not on PATH (src/process/buf.ts, the same
  // pins and the same directories): buf's Linux binary is 93 MB, protoc-gen-es brings TypeScript 5.4.
  buf: { packages: ['@bufbuild/buf@1.75.0'], main: '@bufbuild/buf/bin/buf' },
  'protoc-gen-es': {
    packages: ['@bufbuild/protoc-gen-es@2.13.0'],
    main: '@bufbuild/protoc-gen-es/bin/protoc-gen-es',
  },
  // googleapis' protos (88 MB, 8,000 files) for the big-API test: Google Ads v25 (897 files).
  // 5.0.3: the last that declares Node 18+ (6.x needs Node 22).
  'google-proto-files': { packages: ['google-proto-files@5.0.3'], main: 'google-proto-files/package.json' },
};

/** The path of a tool's entry script (run it with process.execPath), installed if missing. */
export function toolPath(name) {
  const tool = TOOLS[name];
  const store = join(process.env.SHIPKIT_TOOLS ?? join(homedir(), '.cache', 'shipkit-tools'), name);
  const main = join(installInto(store, tool.packages), tool.main);
  if (!existsSync(main))
    throw new Error(`${name}: ${main} is missing after installing ${tool.packages.join(' ')}`);
  return main;
}
