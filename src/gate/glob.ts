/**
 * Globs as teams write them in shipkit.yml: `**` any depth, `*` and `?` within a path segment,
 * `{a,b}` alternatives. A pattern without a slash matches the file name at any depth
 * (`*.test.ts`), as in .gitignore.
 */
export function globToRegExp(glob: string): RegExp {
  const pattern = glob.replace(/^\.\//, '');
  const source = body(pattern) + (pattern.endsWith('/') ? '.*' : '');
  return new RegExp(pattern.includes('/') ? `^${source}$` : `^(?:.*/)?${source}$`);
}

/** The pattern as regular expression source, without anchors. */
function body(pattern: string): string {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{' && pattern.indexOf('}', i) > i) {
      const end = pattern.indexOf('}', i);
      re += `(?:${pattern
        .slice(i + 1, end)
        .split(',')
        .map(body)
        .join('|')})`;
      i = end;
    } else re += c.replace(/[.+^$(){}|[\]\\]/g, '\\$&');
  }
  return re;
}

/** A test for repository paths matching any of `globs`. */
export function pathMatcher(globs: readonly string[]): (path: string) => boolean {
  const res = globs.map(globToRegExp);
  return (path) => res.some((re) => re.test(path));
}
