import { replaceDirectoryAtomic } from '../fs/atomic.js';

/**
 * Writes the generated files into a temporary directory beside `outDir`, then swaps it in
 * whole: a failure at any point leaves the previous output untouched.
 */
export async function writeOutputDir(outDir: string, files: Map<string, string>): Promise<void> {
  await replaceDirectoryAtomic(outDir, files);
}
