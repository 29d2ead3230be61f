import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ShipkitError } from '../errors.js';
import { pathExists, realPathOf } from '../fs/list.js';
import { readText } from '../fs/read.js';
import { lineOfJsonPointer } from './json-lines.js';
import { fromSwagger2 } from './swagger2.js';

/** One file of a spec: its parsed content and how to find a JSON pointer's line in it. */
export interface SpecFile {
  path: string;
  data: unknown;
  lineOf(pointer: string): number | undefined;
  /** True when its text shows that every `$ref` in it is local (`#…`): nothing to walk for. */
  onlyLocalRefs?(): boolean;
}

/** A spec spread over one or more files; `root` is the file named on the command line. */
export interface SpecSet {
  root: SpecFile;
  files: Map<string, SpecFile>;
  /** The display path of a file (relative to the working directory). */
  display(path: string): string;
  /** The OpenAPI version of the root, after Swagger 2.0 was converted: '3.0' or '3.1'. */
  version: '3.0' | '3.1';
  /** Swagger 2.0 input, converted in memory. */
  swagger2: boolean;
}

/** A reference resolved: the file it lives in, the pointer and the value. */
export interface Located {
  file: string;
  pointer: string;
  value: unknown;
  /** keyOf(file, pointer), made once for a reference resolved by resolveRef. */
  key?: string;
}

/** The key of a location: the file and the pointer (what names and walks remember a schema by). */
export const keyOf = (file: string, pointer: string) => `${file}#${pointer}`;

/** The key of a location, made once for the references resolveRef returns (Graph: 52,609 of them). */
export function locatedKey(at: Located): string {
  return at.key ?? keyOf(at.file, at.pointer);
}

/**
 * Where local `$ref`s may read: inside the repository that holds the spec (the nearest directory
 * above it with a `.git`; the spec's directory when there is none), or inside the spec's directory.
 */
export type RefScope = 'repository' | 'spec-directory';

/** Reads the spec and every file its `$ref`s reach; fails with file, pointer and line on bad input. */
export async function loadSpec(
  specPath: string,
  cwd = process.cwd(),
  refs: RefScope = 'repository',
): Promise<SpecSet> {
  const rootPath = resolve(cwd, specPath);
  const display = (p: string) => relative(cwd, p) || p;
  const files = new Map<string, SpecFile>();
  const root = await readSpecFile(rootPath, display);
  const boundary = refBoundary(rootPath, refs);
  const kind = detectKind(root, display(rootPath));
  let swagger2 = false;
  if (kind === '2.0') {
    swagger2 = true;
    root.data = convertSwagger2(root, true, display);
  }
  files.set(rootPath, root);
  const queue = [rootPath];
  while (queue.length > 0) {
    const path = queue.shift() as string;
    const file = files.get(path) as SpecFile;
    // Swagger 2.0 was converted after its text was read: its refs are walked.
    if (!swagger2 && file.onlyLocalRefs?.()) continue;
    for (const ref of externalRefs(file.data)) {
      const where = { file: display(path), line: file.lineOf(ref.pointer) };
      const target = confine(ref, path, boundary, where);
      if (files.has(target)) continue;
      let loaded: SpecFile;
      try {
        loaded = await readSpecFile(target, display);
      } catch (err) {
        if (err instanceof ShipkitError && /^cannot read .*: no such file$/.test(err.message)) {
          throw new ShipkitError(`$ref "${ref.ref}" points at a file that does not exist`, {
            hint: `Fix the reference at ${ref.pointer}, or add ${display(target)}.`,
            location: { file: display(path), line: file.lineOf(ref.pointer) },
          });
        }
        throw err;
      }
      if (swagger2) loaded.data = convertSwagger2(loaded, false, display);
      files.set(target, loaded);
      queue.push(target);
    }
  }
  const info = (root.data as { openapi?: unknown }).openapi;
  const version = typeof info === 'string' && info.startsWith('3.1') ? '3.1' : '3.0';
  return { root, files, display, version, swagger2 };
}

/** Swagger 2.0 converted in memory; a value of the wrong type is bad input naming the file. */
function convertSwagger2(file: SpecFile, isRoot: boolean, display: (p: string) => string): unknown {
  try {
    return fromSwagger2(file.data as Record<string, unknown>, isRoot);
  } catch (err) {
    if (!(err instanceof TypeError)) throw err;
    throw new ShipkitError(`Swagger 2.0 document has a value of the wrong type (${err.message})`, {
      hint: 'Path items, parameters, responses and schemas must be objects; allOf/anyOf/oneOf lists.',
      location: { file: display(file.path) },
    });
  }
}

async function readSpecFile(path: string, display: (p: string) => string): Promise<SpecFile> {
  // The spec limit (64 MB by default) fits GitHub's 13 MB and Microsoft Graph's ~35 MB.
  const text = readText(path, {
    kind: 'spec',
    what: 'the spec file',
    file: display(path),
    hint: 'Check the spec path (relative to the repository root).',
  });
  if (isJsonText(text)) return parseJsonSpec(text, path, display);
  // The YAML parsers load only for a YAML spec (a JSON one never needs them).
  const { parseSpecText } = await import('./spec-text.js');
  return parseSpecText(text, path, display);
}

/** Whether a spec's text is JSON (else YAML): it starts with `{` or `[`. */
export function isJsonText(text: string): boolean {
  const trimmed = text.trimStart();
  return trimmed.startsWith('{') || trimmed.startsWith('[');
}

/**
 * A `"$ref"` key whose string value does not start with `#`, as JSON text writes it. Without a
 * `\u` escape anywhere in the text, every `$ref` key is written as these five characters and
 * every value's first character as itself; so when this finds nothing, every `$ref` is local.
 * (JSON white space is a part of `\s`, and an escape such as `\/` first counts as not `#`: each
 * doubt falls on the side of walking the spec.) Scanning GitHub's 13 MB text takes about 4 ms,
 * walking its parsed value about 10.
 */
const NONLOCAL_REF = /"\$ref"\s*:\s*"(?!#)/;

/** Parses a JSON spec; errors carry the line and column. */
export function parseJsonSpec(
  text: string,
  path: string,
  display: (p: string) => string = (p) => p,
): SpecFile {
  try {
    const data: unknown = JSON.parse(text);
    return {
      path,
      data,
      lineOf: (pointer) => lineOfJsonPointer(text, pointer),
      onlyLocalRefs: () => !text.includes('\\u') && !NONLOCAL_REF.test(text),
    };
  } catch (err) {
    const m = /position (\d+)/.exec((err as Error).message);
    const pos = m ? Number(m[1]) : undefined;
    const { line, column } =
      pos === undefined ? { line: undefined, column: undefined } : lineColumn(text, pos);
    throw new ShipkitError(`invalid JSON: ${(err as Error).message.replace(/ in JSON at position.*/, '')}`, {
      hint: 'Fix the JSON syntax at that line.',
      location: { file: display(path), line, column },
    });
  }
}

function lineColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: pos - start + 1 };
}

function detectKind(file: SpecFile, display: string): '2.0' | '3' {
  const data = file.data as Record<string, unknown> | null;
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    if (data.swagger === '2.0') return '2.0';
    if (typeof data.openapi === 'string' && /^3\.[01]\./.test(`${data.openapi}.`)) {
      if (
        typeof data.paths !== 'object' &&
        typeof data.webhooks !== 'object' &&
        typeof data.components !== 'object'
      ) {
        throw new ShipkitError('OpenAPI document has no `paths`', {
          hint: 'Add a `paths:` map (it may be empty).',
          location: { file: display, line: 1 },
        });
      }
      return '3';
    }
    if (typeof data.openapi === 'string' || typeof data.swagger === 'string') {
      const v = String(data.openapi ?? data.swagger);
      throw new ShipkitError(`unsupported OpenAPI version ${JSON.stringify(v)}`, {
        hint: 'shipkit reads OpenAPI 3.0, 3.1 and Swagger 2.0.',
        location: { file: display, line: file.lineOf(data.openapi ? '/openapi' : '/swagger') },
      });
    }
  }
  throw new ShipkitError('not an OpenAPI document: no `openapi: 3.x` or `swagger: "2.0"` at the top level', {
    hint: 'Point `spec` at an OpenAPI 3.0/3.1 or Swagger 2.0 description (JSON or YAML).',
    location: { file: display, line: 1 },
  });
}

export function unescapePointer(s: string): string {
  return s.includes('~') ? s.replace(/~1/g, '/').replace(/~0/g, '~') : s;
}

export function escapePointer(s: string): string {
  if (!s.includes('~') && !s.includes('/')) return s;
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The directory local `$ref`s must stay in (its real path: symbolic links resolved). */
function refBoundary(rootPath: string, scope: RefScope): string {
  const specDir = realPathOf(dirname(rootPath)) ?? dirname(rootPath);
  if (scope === 'spec-directory') return specDir;
  for (let dir = specDir; ; dir = dirname(dir)) {
    if (pathExists(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return specDir;
  }
}

/**
 * The file a `$ref` names, if it is a local file inside the boundary (after symbolic links);
 * a URL, an absolute path, `../` out of the boundary or a link that leads out are refused.
 */
function confine(
  ref: ExternalRef,
  from: string,
  boundary: string,
  where: { file: string; line: number | undefined },
): string {
  const refuse = (why: string, hint: string) =>
    new ShipkitError(`$ref "${ref.ref}" at ${ref.pointer} ${why}`, { hint, location: where });
  if (/^[A-Za-z][A-Za-z0-9+.-]+:/.test(ref.file)) {
    throw refuse(
      'is a URL; shipkit reads local files only',
      'Download the referenced file next to the spec and point the $ref at it.',
    );
  }
  let decoded: string;
  try {
    decoded = decodeURI(ref.file);
  } catch {
    throw refuse(
      'is not a valid URI reference',
      'Percent-encode the file name correctly (e.g. %20 for a space).',
    );
  }
  const target = resolve(dirname(from), decoded);
  const hint = `Referenced files must stay inside ${boundary}: copy the file there and point the $ref at it (codegen \`refs: spec-directory\` narrows this to the spec's directory).`;
  if (!isWithin(boundary, realPath(target))) throw refuse(`reads outside ${boundary}`, hint);
  return target;
}

/** The real path of a file, or of the deepest directory above it that exists, plus the rest. */
function realPath(path: string): string {
  const real = realPathOf(path);
  if (real !== undefined || dirname(path) === path) return real ?? path;
  return join(realPath(dirname(path)), basename(path));
}

function isWithin(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (rel.split(sep)[0] !== '..' && !isAbsolute(rel));
}

interface ExternalRef {
  ref: string;
  file: string;
  pointer: string;
}

/** Every `$ref` whose file part is not empty, with where it sits. */
function externalRefs(data: unknown): ExternalRef[] {
  const out: ExternalRef[] = [];
  // The keys and indexes down to the node being walked: a pointer is spelled out (and its keys
  // escaped) only for a ref that is found.
  const path: (string | number)[] = [];
  const walk = (node: object) => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const v: unknown = node[i];
        if (v !== null && typeof v === 'object') {
          path.push(i);
          walk(v);
          path.pop();
        }
      }
      return;
    }
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && !ref.startsWith('#')) {
      const hash = ref.indexOf('#');
      const file = hash === -1 ? ref : ref.slice(0, hash);
      const keys = path.map((k) => `/${typeof k === 'number' ? k : escapePointer(k)}`);
      out.push({ ref, file, pointer: `${keys.join('')}/$ref` });
    }
    for (const key in node) {
      const v = (node as Record<string, unknown>)[key];
      if (v !== null && typeof v === 'object') {
        path.push(key);
        walk(v);
        path.pop();
      }
    }
  };
  if (data !== null && typeof data === 'object') walk(data);
  return out;
}

/** Resolves `ref` written in `fromFile`; undefined when the target does not exist. */
const resolved = new WeakMap<SpecSet, Map<string, Located | undefined>>();

export function resolveRef(spec: SpecSet, ref: string, fromFile: string): Located | undefined {
  let cache = resolved.get(spec);
  if (!cache) {
    cache = new Map();
    resolved.set(spec, cache);
  }
  const key = ref.startsWith('#') && fromFile === spec.root.path ? ref : `${fromFile}\n${ref}`;
  if (cache.has(key)) return cache.get(key);
  const found = resolveUncached(spec, ref, fromFile);
  cache.set(key, found);
  return found;
}

function resolveUncached(spec: SpecSet, ref: string, fromFile: string): Located | undefined {
  const hash = ref.indexOf('#');
  const filePart = hash === -1 ? ref : ref.slice(0, hash);
  const pointer = hash === -1 ? '' : decodePointerFragment(ref.slice(hash + 1));
  const file = filePart === '' ? fromFile : resolve(dirname(fromFile), decodeURI(filePart));
  const doc = spec.files.get(file);
  if (!doc) return undefined;
  const value = getPointer(doc.data, pointer);
  if (value === undefined) return undefined;
  return { file, pointer, value, key: keyOf(file, pointer) };
}

function decodePointerFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

function getPointer(data: unknown, pointer: string): unknown {
  if (pointer === '' || pointer === '/') return data;
  let node = data;
  for (const raw of pointer.slice(1).split('/')) {
    if (node === null || typeof node !== 'object') return undefined;
    const key = unescapePointer(raw);
    node = (node as Record<string, unknown>)[key];
    if (node === undefined) return undefined;
  }
  return node;
}
