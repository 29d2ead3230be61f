import { dirname, isAbsolute, join, normalize, relative, resolve } from 'node:path';
import { listDirectoryIfReadable, pathExists } from '../../fs/list.js';
import { readText } from '../../fs/read.js';

/** How report paths become repository paths. */
export interface PathOptions {
  /** The repository root (default: the current directory). */
  root?: string;
  /**
   * Prefix rewrites applied first, longest prefix first: `{'/app/': '', 'web/src/': 'packages/web/src/'}`.
   * For reports written in a container or in one package of a monorepo.
   */
  pathMap?: Record<string, string>;
}

/** `FROM=TO` entries (`--path-map`, the `path-map` input) as a `pathMap`; `bad` makes the error for one without `FROM=`. */
export function parsePathMap(
  entries: readonly string[],
  bad: (entry: string) => Error,
): Record<string, string> {
  const map: Record<string, string> = {};
  for (const e of entries) {
    const eq = e.indexOf('=');
    if (eq <= 0) throw bad(e);
    map[e.slice(0, eq)] = e.slice(eq + 1);
  }
  return map;
}

/** Where a report's paths are relative to, besides the repository root. */
export interface PathContext {
  reportDir: string;
  sourceRoots?: string[];
  /** Go import paths: strip a module path declared by a go.mod in the repository. */
  goModules?: boolean;
}

/**
 * Where a report path went: a repository path (`found` when the file is there; `fixed` says how a
 * path from another machine was matched to it), or outside the repository.
 */
export type Resolved = { path: string; found: boolean; fixed?: PathFix } | { outside: string };

/** How a path from another machine was matched to a repository file (a path map is not a fix). */
export type PathFix = 'common suffix';

const SKIP = new Set(['node_modules', '.git', '.hg', '.svn']);
const INDEX_LIMIT = 200_000;

/** Turns the paths reports write (absolute, relative, module paths) into repository paths. */
export class PathResolver {
  readonly root: string;
  private readonly map: [string, string][];
  private index: Map<string, string[]> | undefined;
  /** Every indexed repository path, when the index is complete (existence without a syscall each). */
  private known: Set<string> | undefined;
  /** Every folder the index walked ('' the root), when the walk was complete and read every folder. */
  private dirs: Set<string> | undefined;
  /** The folders that walk skipped (node_modules, .git, …), when `dirs` is known. */
  private skippedFolders: Set<string> | undefined;
  private modules: [string, string][] | undefined;
  private readonly cache = new Map<string, Map<string, Resolved>>();
  private readonly byContext = new WeakMap<PathContext, Map<string, Resolved>>();

  constructor(options: PathOptions = {}) {
    this.root = resolve(options.root ?? '.');
    this.map = Object.entries(options.pathMap ?? {})
      .map(([from, to]): [string, string] => [slash(from), slash(to)])
      .sort((a, b) => b[0].length - a[0].length);
  }

  resolve(raw: string, ctx: PathContext): Resolved {
    // One cache per context, found from the context object itself when it is passed again.
    let cache = this.byContext.get(ctx);
    if (!cache) {
      const key = `${ctx.reportDir}\0${ctx.sourceRoots?.join('\0') ?? ''}\0${ctx.goModules ? 1 : 0}`;
      cache = this.cache.get(key);
      if (!cache) {
        cache = new Map();
        this.cache.set(key, cache);
      }
      this.byContext.set(ctx, cache);
    }
    let r = cache.get(raw);
    if (!r) {
      r = this.resolveUncached(raw, ctx);
      cache.set(raw, r);
    }
    return r;
  }

  private resolveUncached(raw: string, ctx: PathContext): Resolved {
    const p = slash(raw.replace(/^file:\/\//, '')).replace(/^\/(?=[A-Za-z]:\/)/, '');
    for (const [from, to] of this.map) {
      if (p.startsWith(from)) {
        return this.resolvePath(to + p.slice(from.length), ctx);
      }
    }
    return this.resolvePath(p, ctx);
  }

  private resolvePath(path: string, ctx: PathContext): Resolved {
    let p = path;
    if (ctx.goModules) {
      for (const [module, dir] of this.goModuleList()) {
        if (p.startsWith(`${module}/`)) {
          p = (dir ? `${dir}/` : '') + p.slice(module.length + 1);
          break;
        }
      }
    }
    if (isAbsolute(p) || WINDOWS.test(p)) {
      const rel = this.inside(p);
      if (rel !== undefined && this.exists(rel)) return { path: rel, found: true };
      // Written on another machine (a runner, a container, Windows): the repository file that
      // shares the longest path suffix, as Codecov matches them.
      const bySuffix = this.findBySuffix(p);
      if (bySuffix) return { path: bySuffix, found: true, fixed: 'common suffix' };
      return rel === undefined ? { outside: p } : { path: rel, found: false };
    }
    if (!ctx.sourceRoots?.length && clean(p)) {
      // A plain relative path (most reports): the same steps as below without the path arithmetic.
      if (this.exists(p)) return { path: p, found: true };
      if (ctx.reportDir !== this.root) {
        const rel = this.inside(join(ctx.reportDir, p));
        if (rel !== undefined && this.exists(rel)) return { path: rel, found: true };
      }
      const bySuffix = this.findBySuffix(p);
      return bySuffix ? { path: bySuffix, found: true, fixed: 'common suffix' } : { path: p, found: false };
    }
    const candidates: string[] = [];
    for (const s of ctx.sourceRoots ?? [])
      candidates.push(isAbsolute(s) ? join(s, p) : join(this.root, s, p));
    candidates.push(join(this.root, p), join(ctx.reportDir, p));
    for (const c of candidates) {
      const rel = this.inside(c);
      if (rel !== undefined && this.exists(rel)) return { path: rel, found: true };
    }
    const bySuffix = this.findBySuffix(normalize(p).split('\\').join('/'));
    if (bySuffix) return { path: bySuffix, found: true, fixed: 'common suffix' };
    const rel = this.inside(join(this.root, p));
    return rel === undefined ? { outside: p } : { path: rel, found: false };
  }

  /** The repository-relative path of an absolute path, or undefined when it is outside. */
  private inside(abs: string): string | undefined {
    // Most paths: plainly under the root (as join() makes them), taken without path arithmetic.
    const under = this.root.endsWith('/') ? this.root : `${this.root}/`;
    if (abs.startsWith(under)) {
      const rel = abs.slice(under.length);
      if (clean(rel)) return rel;
    } else if (abs[0] === '/' && under[0] === '/' && clean(abs.slice(1))) {
      return undefined; // a plain absolute path elsewhere
    }
    // A Windows path is outside a POSIX root (and the other way round), whatever resolve() makes of it.
    if (WINDOWS.test(abs) !== WINDOWS.test(slash(this.root))) return undefined;
    const rel = relative(this.root, resolve(abs));
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
    return slash(rel);
  }

  /** Whether a repository-relative file exists: from the index where it is complete, else the disk. */
  private exists(rel: string): boolean {
    this.fileIndex();
    if (this.known) {
      const skipped = /(^|\/)(node_modules|\.git|\.hg|\.svn)\//.exec(rel);
      if (!skipped) return this.known.has(rel);
      // Under a folder the index skips: only worth a look on disk when its parent folder exists.
      const parent = rel.slice(0, skipped.index);
      if (this.dirs && !this.dirs.has(parent)) return false;
      // Nor when that folder itself is not there (most report paths into node_modules, outside CI).
      const folder = rel.slice(0, skipped.index + skipped[0].length - 1);
      if (this.skippedFolders && !this.skippedFolders.has(folder)) return false;
    }
    return pathExists(join(this.root, rel));
  }

  /**
   * The repository file sharing the longest path suffix with `p` (whole segments, the file name at
   * least), as Codecov fixes paths from another machine. The match must take in the whole of the
   * shorter path or two segments or more, and be the only one that long; otherwise undefined.
   */
  private findBySuffix(p: string): string | undefined {
    const segments = p.split('/').filter((s) => s !== '' && s !== '.');
    const name = segments[segments.length - 1];
    if (name === undefined) return undefined;
    let best: string | undefined;
    let bestLength = 0;
    let tie = false;
    for (const f of this.fileIndex().get(name) ?? []) {
      const theirs = f.split('/');
      let n = 1;
      while (
        n < theirs.length &&
        n < segments.length &&
        theirs[theirs.length - 1 - n] === segments[segments.length - 1 - n]
      )
        n++;
      if (n < 2 && n < theirs.length && n < segments.length) continue;
      if (n > bestLength) {
        best = f;
        bestLength = n;
        tie = false;
      } else if (n === bestLength) tie = true;
    }
    return tie ? undefined : best;
  }

  private fileIndex(): Map<string, string[]> {
    if (this.index) return this.index;
    const index = new Map<string, string[]>();
    const dirs = new Set<string>();
    const skippedFolders = new Set<string>();
    /** A folder the walk could not read, or a link it did not follow. */
    let unreadable = false;
    let count = 0;
    const walk = (dir: string, rel: string) => {
      const entries = listDirectoryIfReadable(dir);
      if (!entries) {
        unreadable = true;
        return;
      }
      dirs.add(rel);
      for (const e of entries) {
        if (count >= INDEX_LIMIT) return;
        if (e.kind === 'link') unreadable = true; // a folder may be behind it: ask the disk
        if (e.kind === 'directory') {
          const path = rel ? `${rel}/${e.name}` : e.name;
          if (!SKIP.has(e.name)) walk(join(dir, e.name), path);
          else skippedFolders.add(path);
        } else if (e.kind === 'file') {
          count++;
          const list = index.get(e.name);
          const path = rel ? `${rel}/${e.name}` : e.name;
          if (list) list.push(path);
          else index.set(e.name, [path]);
        }
      }
    };
    walk(this.root, '');
    this.index = index;
    if (count < INDEX_LIMIT) this.known = new Set([...index.values()].flat());
    if (count < INDEX_LIMIT && !unreadable) {
      this.dirs = dirs;
      this.skippedFolders = skippedFolders;
    }
    return index;
  }

  /** Module paths declared by go.mod files in the repository, longest first. */
  private goModuleList(): [string, string][] {
    if (this.modules) return this.modules;
    const modules: [string, string][] = [];
    for (const gomod of this.fileIndex().get('go.mod') ?? []) {
      try {
        const text = readText(join(this.root, gomod), { kind: 'source', what: 'go.mod', file: gomod });
        const m = /^module\s+("?)([^\s"]+)\1/m.exec(text);
        if (m?.[2]) modules.push([m[2], dirname(gomod) === '.' ? '' : dirname(gomod)]);
      } catch {
        // unreadable go.mod: not a module we can use
      }
    }
    this.modules = modules.sort((a, b) => b[0].length - a[0].length);
    return this.modules;
  }
}

/** A relative path with nothing to normalise: no `.`, `..` or empty segment, no backslash. */
function clean(p: string): boolean {
  return (
    p.length > 0 &&
    p[0] !== '/' &&
    p[p.length - 1] !== '/' &&
    !p.includes('\\') &&
    !p.includes('//') &&
    !/(^|\/)\.\.?(\/|$)/.test(p)
  );
}

/** `C:/…` (or `C:\\…`): a Windows path, absolute on any machine. */
const WINDOWS = /^[A-Za-z]:[\\/]/;

function slash(p: string): string {
  return p.split('\\').join('/');
}
