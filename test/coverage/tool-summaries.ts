// Parsers for what the coverage tools printed (captured stdout beside each fixture), so tests compare
// against the tool's own figures rather than numbers written into the test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'coverage');

export function fixture(...parts: string[]): string {
  return join(FIXTURES, ...parts);
}

type Pair = { covered: number; total: number };

function text(...parts: string[]): string {
  return readFileSync(fixture(...parts), 'utf8');
}

/** Istanbul's text-summary block (c8, nyc, vitest): `Lines        : 98.47% ( 259/263 )`. */
export function istanbulTextSummary(...parts: string[]): Record<string, Pair> {
  const out: Record<string, Pair> = {};
  for (const m of text(...parts).matchAll(
    /^(Statements|Branches|Functions|Lines)\s+: [\d.]+% \( (\d+)\/(\d+) \)/gm,
  )) {
    out[(m[1] ?? '').toLowerCase()] = { covered: Number(m[2]), total: Number(m[3]) };
  }
  return out;
}

/** `lcov --summary`: `lines......: 77.5% (330 of 426 lines)`; `no data found` → null. */
export function lcovSummary(...parts: string[]): Record<string, Pair | null> {
  const out: Record<string, Pair | null> = {};
  for (const m of text(...parts).matchAll(
    /^\s+(lines|functions|branches)\.+: (?:[\d.]+% \((\d+) of (\d+) \w+\)|no data found)/gm,
  )) {
    out[m[1] ?? ''] = m[2] === undefined ? null : { covered: Number(m[2]), total: Number(m[3]) };
  }
  return out;
}

/** `gcovr --print-summary`: `lines: 75.3% (330 out of 438)`. */
export function gcovrSummary(...parts: string[]): Record<string, Pair> {
  const out: Record<string, Pair> = {};
  for (const m of text(...parts).matchAll(/^(lines|functions|branches): [\d.]+% \((\d+) out of (\d+)\)/gm)) {
    out[m[1] ?? ''] = { covered: Number(m[2]), total: Number(m[3]) };
  }
  return out;
}

/** coverage.py `coverage report`: the TOTAL row's Stmts, Miss, Branch, BrPart. */
export function coveragePyReport(...parts: string[]): {
  stmts: number;
  miss: number;
  branch: number;
  brpart: number;
  cover: number;
} {
  const m = /^TOTAL\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)%$/m.exec(text(...parts));
  if (!m) throw new Error('no TOTAL row');
  return {
    stmts: Number(m[1]),
    miss: Number(m[2]),
    branch: Number(m[3]),
    brpart: Number(m[4]),
    cover: Number(m[5]),
  };
}

/** `go tool cover -func`: `total: (statements) 94.8%`. */
export function goCoverTotal(...parts: string[]): string {
  const m = /^total:\s+\(statements\)\s+([\d.]+)%$/m.exec(text(...parts));
  if (!m?.[1]) throw new Error('no total line');
  return m[1];
}

/** JaCoCo's CSV report, summed over its classes: LINE, BRANCH and METHOD missed/covered. */
export function jacocoCsv(...parts: string[]): Record<'line' | 'branch' | 'method', Pair> {
  const [head = '', ...rows] = text(...parts)
    .trim()
    .split('\n');
  const cols = head.split(',');
  const sum = (name: string) => {
    const missed = cols.indexOf(`${name}_MISSED`);
    const covered = cols.indexOf(`${name}_COVERED`);
    let c = 0;
    let t = 0;
    for (const r of rows) {
      const v = r.split(',');
      c += Number(v[covered]);
      t += Number(v[covered]) + Number(v[missed]);
    }
    return { covered: c, total: t };
  };
  return { line: sum('LINE'), branch: sum('BRANCH'), method: sum('METHOD') };
}
