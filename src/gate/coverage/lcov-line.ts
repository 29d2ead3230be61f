import type { FunctionTable } from './function-store.js';
import type { LcovRecord } from './lcov-record.js';

// Whole lcov lines recognised from their bytes, without making a string: the lcov reader's helpers.

/** Where the line starting at or before `from` ends: the index of its `\n`, or `to`. */
export function lineEnd(b: Buffer, from: number, to: number): number {
  let j = from;
  while (j < to && b[j] !== 10) j++;
  return j;
}

const END_OF_RECORD = Buffer.from('end_of_record');

export function endOfRecord(b: Buffer, s: number, to: number): boolean {
  const e = lineEnd(b, s, to);
  const textEnd = e > s && b[e - 1] === 13 ? e - 1 : e;
  return textEnd - s === 13 && b.compare(END_OF_RECORD, 0, 13, s, textEnd) === 0;
}

/**
 * LF, LH (lcov recomputes them from DA), BRF, BRH, FNF, FNH (they say the measure is reported) and
 * TN lines, read without a string. False for any other line.
 */
export function countLine(b: Buffer, s: number, to: number, r: LcovRecord, fn: FunctionTable): boolean {
  const c0 = b[s];
  const c1 = b[s + 1];
  if (s + 2 >= to) return false;
  if (c0 === 84 && c1 === 78 && b[s + 2] === 58) return true; // TN:
  if (c0 === 76 && (c1 === 70 || c1 === 72) && b[s + 2] === 58) return true; // LF: LH:
  const c2 = b[s + 2];
  if (b[s + 3] !== 58 || s + 3 >= to) return false;
  if (c0 === 66 && c1 === 82 && (c2 === 70 || c2 === 72)) {
    r.branchesReported = true; // BRF: BRH:
    return true;
  }
  if (c0 === 70 && c1 === 78 && (c2 === 70 || c2 === 72)) {
    fn.reported = true; // FNF: FNH:
    return true;
  }
  return false;
}
