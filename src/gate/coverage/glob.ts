import { type Dirent, existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const MAGIC = /[*?[\]{}]/;

/** Files matching a glob (`**`, `*`, `?`, `[…]`, `{a,b}`), relative to cwd, sorted. node_modules and .git are skipped unless named. */
export function expandGlob(pattern: string, cwd: string): string[] {
  const p = pattern.split('\\').join('/');
  if (!MAGIC.test(p)) return existsSync(resolve(cwd, p)) ? [p] : [];
  const segments = p.split('/');
  const first = segments.findIndex((s) => MAGIC.test(s));
  const base = segments.slice(0, first).join('/');
  const rest = segments.slice(first).join('/');
  const re = globRegExp(rest);
  const skipHidden = !/node_modules|\.git\b/.test(rest);
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (skipHidden && (e.name === 'node_modules' || e.name === '.git')) continue;
        walk(join(dir, e.name), r);
      } else if (e.isFile() && re.test(r)) {
        out.push(base ? `${base}/${r}` : r);
      }
    }
  };
  walk(resolve(cwd, base || '.'), '');
  return out.sort();
}

export function globRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more directories; a trailing `**` anything.
        if (glob[i + 2] === '/') {
          re += '(?:.*/)?';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i);
      if (end === -1) re += '\\[';
      else {
        re += `[${glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end === -1) re += '\\{';
      else {
        re += `(?:${glob
          .slice(i + 1, end)
          .split(',')
          .map((alt) => globRegExp(alt).source.slice(1, -1))
          .join('|')})`;
        i = end;
      }
    } else re += c.replace(/[.+^$()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
