// What the action.yml files declare, for the build (entry files, umbrella defaults) and the docs
// (the README reference, the umbrella action.yml generated from the per-command ones).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Every actions/<name>/action.yml, sorted: { file, name, action }. */
export function commandActions() {
  return readdirSync(join(root, 'actions'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const file = `actions/${name}/action.yml`;
      return { file, name, action: parse(readFileSync(join(root, file), 'utf8')) };
    });
}

/** The dist/ entry an action.yml points at (`dist/<entry>.js`). */
export function distEntry(file, action) {
  const main = relative(root, resolve(root, dirname(file), action.runs.main));
  const m = /^dist\/([\w-]+)\.js$/.exec(main);
  if (!m) throw new Error(`${file}: runs.main must point at dist/<name>.js, got ${action.runs.main}`);
  return m[1];
}

/** Per command, the input defaults its own action.yml gives (expressions are the runner's to fill). */
export function commandDefaults() {
  const defaults = {};
  for (const { name, action } of commandActions()) {
    if (!action.runs?.using?.startsWith('node')) continue;
    const own = {};
    for (const [input, spec] of Object.entries(action.inputs ?? {})) {
      const d = spec?.default;
      if (d !== undefined && d !== '' && !String(d).includes('${{')) own[input] = String(d);
    }
    defaults[name] = own;
  }
  return defaults;
}
