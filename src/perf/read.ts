import { dirname, join } from 'node:path';
import { readText, readTextIfExists } from '../fs/read.js';
import type { BenchResult } from './model.js';
import { type ReadOptions, readBench } from './readers/detect.js';

/** Reads a benchmark output file from disk (the only I/O of the readers). */
export function readBenchFile(file: string, options: ReadOptions = {}): BenchResult {
  const text = readText(file, {
    kind: 'report',
    what: 'the benchmark file',
    hint: 'Check the path; it is relative to the working directory.',
  });
  const dir = dirname(file);
  const sibling = (name: string) => {
    const p = join(dir, name);
    return readTextIfExists(p, { kind: 'report', what: 'the benchmark file' });
  };
  return readBench({ file, text, sibling }, options);
}
