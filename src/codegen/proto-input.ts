import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { isDirectory, listDirectory, pathExists } from '../fs/list.js';
import { linkFolder, makeScratchFolder, writeScratchFile } from '../fs/scratch.js';
import { parseYaml, yamlData } from '../config/yaml.js';
import { ShipkitError } from '../errors.js';
import { readText } from '../fs/read.js';

/**
 * Where buf compiles a proto target from. A buf module or workspace (a directory holding buf.yaml,
 * or the buf.yaml itself) is compiled as the user configured it (its deps, its breaking rules).
 * Directories and .proto files are compiled as a workspace shipkit writes in a temporary directory:
 * one module per root (the --include directory holding the spec, else the spec's own directory)
 * and per --include directory, each a symbolic link, so imports resolve as they would with protoc -I.
 */
export interface ProtoLayout {
  /** Where buf runs (its input is `.`). */
  bufDir: string;
  /** --path arguments (relative to bufDir); none: the whole module. */
  paths: string[];
  /** Is a compiled file (its image name) one of the spec's own, not an import? */
  isTarget(name: string): boolean;
  /** A path in buf's messages (relative to bufDir) as the user knows it (relative to cwd). */
  display(path: string): string;
  /** What the spec was read from, for the output guard. */
  specPaths: string[];
}

export type BreakingCategory = 'FILE' | 'PACKAGE';

export function protoLayout(
  specs: string[],
  include: string[],
  breaking: BreakingCategory,
  cwd: string,
  tmp: string,
): ProtoLayout {
  if (specs.length === 0)
    throw new ShipkitError('no .proto input given', {
      hint: 'Pass a directory, a buf.yaml or .proto files.',
    });
  const abs = specs.map((s) => resolve(cwd, s));
  for (const [i, p] of abs.entries()) {
    if (!pathExists(p)) {
      throw new ShipkitError(`${specs[i]} does not exist`, {
        hint: 'Pass a directory of .proto files, a buf.yaml, or .proto files.',
        location: { file: specs[i] as string },
      });
    }
  }
  const module = abs.map(moduleDir).find((d) => d !== undefined);
  if (module !== undefined) {
    if (abs.length > 1 || include.length > 0) {
      throw new ShipkitError('a buf module is compiled on its own', {
        hint: 'Pass only the buf.yaml (or its directory), and list its imports under `deps:` in buf.yaml instead of --include.',
        location: { file: relative(cwd, join(module, 'buf.yaml')) },
      });
    }
    return moduleLayout(module, cwd);
  }
  for (const p of abs) {
    if (isFileAt(p) && !p.endsWith('.proto')) {
      throw new ShipkitError(`${relative(cwd, p)} is not a .proto file, a directory or a buf.yaml`, {
        location: { file: relative(cwd, p) },
      });
    }
  }
  return workspaceLayout(
    abs,
    include.map((d) => resolve(cwd, d)),
    breaking,
    cwd,
    tmp,
  );
}

function moduleDir(p: string): string | undefined {
  if (basename(p) === 'buf.yaml' && isFileAt(p)) return dirname(p);
  if (isDirectory(p) && pathExists(join(p, 'buf.yaml'))) return p;
  return undefined;
}

function moduleLayout(dir: string, cwd: string): ProtoLayout {
  const yaml = join(dir, 'buf.yaml');
  const file = relative(cwd, yaml);
  const source = parseYaml(readText(yaml, { kind: 'config', what: 'buf.yaml', file }), file);
  const config = yamlData(source.doc, file) as { version?: string; modules?: { path?: string }[] } | null;
  const roots =
    config?.version === 'v2' && Array.isArray(config.modules)
      ? config.modules.map((m) => join(dir, m.path ?? '.'))
      : [dir];
  return {
    bufDir: dir,
    paths: [],
    isTarget: (name) => roots.some((r) => pathExists(join(r, name))),
    display: (path) => relative(cwd, join(dir, path)),
    specPaths: [dir],
  };
}

function workspaceLayout(
  specs: string[],
  includes: string[],
  breaking: BreakingCategory,
  cwd: string,
  tmp: string,
): ProtoLayout {
  for (const d of includes) {
    if (!isDirectory(d)) {
      throw new ShipkitError(`--include ${relative(cwd, d)} is not a directory`, {
        location: { file: relative(cwd, d) },
      });
    }
  }
  const roots: string[] = [...includes];
  const targets: { root: number; rel: string }[] = [];
  for (const spec of specs) {
    let root = includes.findIndex((d) => spec === d || spec.startsWith(d.endsWith(sep) ? d : d + sep));
    if (root < 0) {
      const dir = isDirectory(spec) ? spec : dirname(spec);
      root = roots.indexOf(dir);
      if (root < 0) root = roots.push(dir) - 1;
    }
    targets.push({
      root,
      rel: relative(roots[root] as string, spec)
        .split(sep)
        .join('/'),
    });
  }
  const ws = join(tmp, 'ws');
  makeScratchFolder(ws);
  const modules = roots.map((r, i) => {
    linkFolder(r, join(ws, `m${i}`));
    return `  - path: m${i}`;
  });
  writeScratchFile(
    join(ws, 'buf.yaml'),
    `version: v2\nmodules:\n${modules.join('\n')}\nbreaking:\n  use:\n    - ${breaking}\n`,
  );
  const paths: string[] = [];
  for (const t of targets) {
    // buf refuses a module's own directory as --path: list its files instead.
    if (t.rel === '') for (const f of protoFiles(roots[t.root] as string)) paths.push(`m${t.root}/${f}`);
    else paths.push(`m${t.root}/${t.rel}`);
  }
  const targetOf = targets.map((t) => ({ root: roots[t.root] as string, rel: t.rel }));
  return {
    bufDir: ws,
    paths,
    isTarget: (name) =>
      targetOf.some(
        (t) =>
          (t.rel === '' || name === t.rel || name.startsWith(`${t.rel}/`)) && pathExists(join(t.root, name)),
      ),
    display: (path) => {
      const m = /^m(\d+)\/(.*)$/.exec(path);
      const root = m ? roots[Number(m[1])] : undefined;
      return root && m ? relative(cwd, join(root, m[2] as string)) : path;
    },
    specPaths: specs,
  };
}

/** Every .proto file under dir (relative, posix), skipping hidden directories and node_modules. */
function protoFiles(dir: string, prefix = '', out: string[] = []): string[] {
  for (const e of listDirectory(join(dir, prefix))) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.kind === 'directory') protoFiles(dir, rel, out);
    else if (e.name.endsWith('.proto')) out.push(rel);
  }
  if (prefix === '' && out.length === 0) {
    throw new ShipkitError(`${dir} holds no .proto file`, { location: { file: dir } });
  }
  return out.sort();
}

/** Something that is not a folder is at `path` (links followed). */
function isFileAt(path: string): boolean {
  return pathExists(path) && !isDirectory(path);
}
