import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ShipkitError } from '../errors.js';
import type { BenchResult } from './model.js';
import { type ReadOptions, readBench } from './readers/detect.js';

/** Reads a benchmark output file from disk (the only I/O of the readers). */
export function readBenchFile(file: string, options: ReadOptions = {}): BenchResult {
  if (!existsSync(file)) {
    throw new ShipkitError(`benchmark file not found: ${file}`, {
      hint: 'Check the path; it is relative to the working directory.',
    });
  }
  const text = readFileSync(file, 'utf8');
  const dir = dirname(file);
  const sibling = (name: string) => {
    const p = join(dir, name);
    return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
  };
  return readBench({ file, text, sibling }, options);
}
