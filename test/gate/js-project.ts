// A small real JavaScript project in a git repository, with coverage from Node's own test runner
// (`node --test --experimental-test-coverage --test-reporter=lcov`).
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type TempRepo, tempRepo } from './git-repo.js';

export const BASE_MATH = `export function add(a, b) {
  return a + b;
}

export function sub(a, b) {
  return a - b;
}
`;

/** The pull request: `add` validates its input; `mul` and `div` are new, and `div` has no test. */
export const HEAD_MATH = `export function add(a, b) {
  if (typeof a !== 'number' || typeof b !== 'number') {
    throw new TypeError('add takes numbers');
  }
  return a + b;
}

export function sub(a, b) {
  return a - b;
}

export function mul(a, b) {
  return a * b;
}

export function div(a, b) {
  if (b === 0) {
    throw new RangeError('division by zero');
  }
  return a / b;
}
`;

const TESTS = `import test from 'node:test';
import assert from 'node:assert';
import { add, mul, sub } from '../src/math.mjs';
test('add', () => assert.equal(add(1, 2), 3));
test('sub', () => assert.equal(sub(3, 2), 1));
test('mul', () => assert.equal(mul(3, 2), 6));
`;

export interface JsProject extends TempRepo {
  base: string;
  /** Runs the tests with coverage into `lcov.info` at the root. */
  coverage(): void;
}

/** main has BASE_MATH; the checked-out branch `feature` has HEAD_MATH committed. */
export function jsProject(): JsProject {
  const repo = tempRepo();
  repo.write('src/math.mjs', BASE_MATH);
  repo.write(
    'test/math.test.mjs',
    TESTS.replace('import { add, mul, sub }', 'import { add, sub }').replace(/^test\('mul'.*\n/m, ''),
  );
  repo.write('.gitignore', 'lcov.info\n');
  const base = repo.commit('math');
  repo.git('checkout', '-q', '-b', 'feature');
  repo.write('src/math.mjs', HEAD_MATH);
  repo.write('test/math.test.mjs', TESTS);
  repo.commit('mul and div');
  return {
    ...repo,
    base,
    coverage() {
      // Test files named one by one: Node 20 takes paths here, Node 22+ globs.
      const tests = readdirSync(join(repo.dir, 'test')).filter((f) => f.endsWith('.test.mjs'));
      execFileSync(
        process.execPath,
        [
          '--test',
          '--experimental-test-coverage',
          '--test-reporter=lcov',
          '--test-reporter-destination=lcov.info',
          ...tests.map((f) => `test/${f}`),
        ],
        { cwd: repo.dir, stdio: 'ignore' },
      );
    },
  };
}

export const lcovPath = (p: JsProject) => join(p.dir, 'lcov.info');
