import { createHash } from 'node:crypto';
import { basename, join, relative, sep } from 'node:path';
import { ShipkitError } from '../errors.js';
import { listDirectoryIfReadable } from '../fs/list.js';
import { readBytes } from '../fs/read.js';
import { globRegExp } from '../gate/glob.js';

/** A file matched by `release.assets`, ready to upload. */
export interface AssetFile {
  name: string;
  path: string;
  data: Uint8Array;
  sha256: string;
  contentType: string;
}

/** `release.assets` globs (`*`, `**`, `?`, `{a,b}`) match whole paths from the repository root. */
export { globRegExp as globToRegExp };

const TYPES: Record<string, string> = {
  '.tgz': 'application/gzip',
  '.gz': 'application/gzip',
  '.zip': 'application/zip',
  '.json': 'application/json',
  '.txt': 'text/plain',
  '.md': 'text/markdown',
};

/**
 * The files the globs match under `root`. A glob that matches nothing is an error naming it (a
 * build step that did not run), and two files with one name are too (GitHub names assets by file name).
 */
export async function collectAssets(root: string, globs: string[]): Promise<AssetFile[]> {
  const byName = new Map<string, AssetFile>();
  for (const raw of globs) {
    const glob = raw.replace(/^\.\//, '');
    const re = globRegExp(glob);
    const matched = (await walk(root, staticBase(glob))).filter((f) => re.test(f));
    if (matched.length === 0) {
      throw new ShipkitError(`asset glob ${JSON.stringify(glob)} matches no file`, {
        location: { file: root },
        hint: 'Build the assets before the release step, or fix `release.assets` (paths are relative to the repository root). Re-running after the fix completes the release.',
      });
    }
    for (const rel of matched) {
      const name = basename(rel);
      const prior = byName.get(name);
      if (prior && prior.path !== rel) {
        throw new ShipkitError(`two assets would be named ${name}: ${prior.path} and ${rel}`, {
          hint: 'GitHub names release assets by file name; narrow `release.assets`.',
        });
      }
      const data = readBytes(join(root, rel), { kind: 'asset', what: 'the release asset', file: rel });
      const ext = /\.[^.]+$/.exec(name)?.[0] ?? '';
      byName.set(name, {
        name,
        path: rel,
        data,
        sha256: createHash('sha256').update(data).digest('hex'),
        contentType: TYPES[ext] ?? 'application/octet-stream',
      });
    }
  }
  return [...byName.values()];
}

/** The directories before the first wildcard: only they need walking. */
function staticBase(glob: string): string {
  const parts = glob.split('/');
  const base: string[] = [];
  for (const p of parts.slice(0, -1)) {
    if (/[*?{]/.test(p)) break;
    base.push(p);
  }
  return base.join('/');
}

async function walk(root: string, base: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (dir: string) => {
    for (const e of listDirectoryIfReadable(dir) ?? []) {
      if (e.name === '.git' || e.name === 'node_modules') continue;
      const full = join(dir, e.name);
      if (e.kind === 'directory') await visit(full);
      else if (e.kind === 'file') out.push(relative(root, full).split(sep).join('/'));
    }
  };
  await visit(join(root, base));
  return out;
}
