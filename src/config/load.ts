import { resolve } from 'node:path';
import type { ShipkitError } from '../errors.js';
import { readText, readTextIfExists } from '../fs/read.js';
import type { ShipkitConfig } from './schema.js';

export const DEFAULT_CONFIG_PATHS = ['.github/shipkit.yml', '.github/shipkit.yaml'];

export interface LoadedConfig {
  /** The file it came from, or undefined when none exists and defaults apply. */
  file: string | undefined;
  config: ShipkitConfig;
  /** Sections that load but do nothing yet, one warning each, naming the section and its line. */
  warnings: ShipkitError[];
}

/**
 * Loads shipkit.yml. With an explicit path the file must exist; without one, the default
 * locations are tried and a repository without a config gets the defaults. The file is read first;
 * the schema (zod) is loaded after, and the located YAML parser only when the fast way hands over
 * (a problem to report with its line, or YAML only the located parser reads the same).
 */
export async function loadConfig(path?: string, cwd = process.cwd()): Promise<LoadedConfig> {
  const candidates = path ? [path] : DEFAULT_CONFIG_PATHS;
  for (const file of candidates) {
    const target = {
      kind: 'config' as const,
      what: 'the config file',
      file,
      hint: 'Check the path, or leave it out to use .github/shipkit.yml.',
    };
    const text = path ? readText(resolve(cwd, file), target) : readTextIfExists(resolve(cwd, file), target);
    if (text === undefined) continue;
    return { file, ...(await readConfig(text, file)) };
  }
  return { file: undefined, ...(await readConfig('', DEFAULT_CONFIG_PATHS[0] ?? 'shipkit.yml')) };
}

/** `parseConfig`'s way (located.ts), each part loaded when it is needed. */
async function readConfig(
  text: string,
  file: string,
): Promise<{ config: ShipkitConfig; warnings: ShipkitError[] }> {
  const { quickConfig } = await import('./quick.js');
  const config = quickConfig(text);
  if (config) return { config, warnings: [] };
  const { locatedConfig } = await import('./located.js');
  return locatedConfig(text, file);
}
