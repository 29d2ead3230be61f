import { join, resolve } from 'node:path';
import { listDirectoryIfReadable, pathExists } from '../fs/list.js';

/**
 * A glob as a regular expression over a whole `/`-separated relative path: `**` any depth, `*` and
 * `?` within a path segment, `{a,b}` alternatives, and with `classes` also `[abc]` / `[!abc]`
 * (otherwise a bracket is itself, as in Next.js's `app/[id]/page.tsx`).
 */
export function globRegExp(glob: string, { classes = false } = {}): RegExp {
  return new RegExp(`^${globSource(glob, classes)}$`);
}

/** The glob as regular expression source, without anchors. */
function globSource(glob: string, classes: boolean): string {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    const end = c === '{' || (c === '[' && classes) ? glob.indexOf(c === '{' ? '}' : ']', i) : -1;
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` matches zero or more directories; any other `**` anything.
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{' && end > i) {
      const alternatives = glob.slice(i + 1, end).split(',');
      re += `(?:${alternatives.map((alt) => globSource(alt, classes)).join('|')})`;
      i = end;
    } else if (c === '[' && end > i) {
      re += `[${glob
        .slice(i + 1, end)
        .replace(/^!/, '^')
        .replace(/\\/g, '\\\\')}]`;
      i = end;
    } else re += c.replace(/[.+^$(){}|[\]\\]/g, '\\$&');
  }
  return re;
}

/**
 * A test for repository paths matching any of `globs`, written as teams write them in shipkit.yml:
 * a pattern without a slash matches the file name at any depth (`*.test.ts`) and one ending in a
 * slash everything under that directory, as in .gitignore; a leading `./` is dropped.
 */
export function pathMatcher(globs: readonly string[]): (path: string) => boolean {
  const res = globs.map((glob) => {
    const pattern = glob.replace(/^\.\//, '');
    const source = globSource(pattern, false) + (pattern.endsWith('/') ? '.*' : '');
    return new RegExp(pattern.includes('/') ? `^${source}$` : `^(?:.*/)?${source}$`);
  });
  return (path) => res.some((re) => re.test(path));
}

const MAGIC = /[*?[\]{}]/;

/** Files matching a glob (with `[…]` classes), relative to cwd, sorted. node_modules and .git are skipped unless named. */
export function expandGlob(pattern: string, cwd: string): string[] {
  const p = pattern.split('\\').join('/');
  if (!MAGIC.test(p)) return pathExists(resolve(cwd, p)) ? [p] : [];
  const segments = p.split('/');
  const first = segments.findIndex((s) => MAGIC.test(s));
  const base = segments.slice(0, first).join('/');
  const rest = segments.slice(first).join('/');
  const re = globRegExp(rest, { classes: true });
  const skipHidden = !/node_modules|\.git\b/.test(rest);
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const e of listDirectoryIfReadable(dir) ?? []) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.kind === 'directory') {
        if (skipHidden && (e.name === 'node_modules' || e.name === '.git')) continue;
        walk(join(dir, e.name), r);
      } else if (e.kind === 'file' && re.test(r)) {
        out.push(base ? `${base}/${r}` : r);
      }
    }
  };
  walk(resolve(cwd, base || '.'), '');
  return out.sort();
}
