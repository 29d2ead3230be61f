import { configSchema, NOT_BUILT_YET, type ShipkitConfig } from './schema.js';
import { quickYamlData } from './yaml-quick.js';

/**
 * shipkit.yml read the fast way: js-yaml without positions (the `yaml` library is not loaded), then
 * the schema. Undefined whenever the file needs the located way (located.ts), which names a line in
 * every message: YAML the fast reader hands over, a root that is not a mapping, a problem the schema
 * finds, a section that warns. A valid file reads the same both ways (test/config/quick.test.ts).
 */
export function quickConfig(text: string): ShipkitConfig | undefined {
  const data = quickYamlData(text)?.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  if (Object.keys(NOT_BUILT_YET).some((key) => key in data)) return undefined;
  // One parse per run: zod's fast path for objects (code generated and compiled on each object
  // schema's first parse) costs more than it saves; without it the result and issues are the same.
  const result = configSchema.safeParse(data, { jitless: true });
  return result.success ? result.data : undefined;
}
