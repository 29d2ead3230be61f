import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes the generated files into a temporary directory beside `outDir`, then swaps it in
 * whole: a failure at any point leaves the previous output untouched.
 */
export async function writeOutputDir(outDir: string, files: Map<string, string>): Promise<void> {
  const parent = dirname(outDir);
  await mkdir(parent, { recursive: true });
  const tag = randomBytes(6).toString('hex');
  const tmp = join(parent, `.${basename(outDir)}.${tag}.tmp`);
  const old = join(parent, `.${basename(outDir)}.${tag}.old`);
  try {
    await mkdir(tmp);
    for (const [name, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      await mkdir(dirname(join(tmp, name)), { recursive: true });
      await writeFile(join(tmp, name), text);
    }
    const exists = await stat(outDir).then(
      () => true,
      () => false,
    );
    if (exists) await rename(outDir, old);
    try {
      await rename(tmp, outDir);
    } catch (err) {
      if (exists) await rename(old, outDir);
      throw err;
    }
    await rm(old, { recursive: true, force: true });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
