import assert from 'node:assert';
import test from 'node:test';
import { add, div, mul, sub } from '../src/math.mjs';

test('add', () => assert.equal(add(1, 2), 3));
test('add refuses strings', () => assert.throws(() => add('1', 2), TypeError));
test('sub', () => assert.equal(sub(3, 2), 1));
test('mul', () => assert.equal(mul(3, 2), 6));
test('div', () => assert.equal(div(6, 3), 2));
