// `npm run bench NAME` picks the bench of exactly that name, and only by prefix when none has it.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../harness/runner.js';

const picked = (...names: string[]) =>
  execFileSync(process.execPath, [join(ROOT, 'bench/run.mjs'), '--list', ...names], { encoding: 'utf8' })
    .trim()
    .split('\n');

describe('bench/run.mjs picks benches by name', () => {
  it('an exact name runs that bench only, not every bench it is a prefix of', () => {
    expect(picked('codegen')).toEqual(['codegen']);
    expect(picked('codegen-proto')).toEqual(['codegen-proto']);
    expect(picked('report')).toEqual(['report']);
  });

  it('a prefix no bench is named picks every bench it starts', () => {
    expect(picked('code')).toEqual(['codegen-proto', 'codegen']);
  });
});
