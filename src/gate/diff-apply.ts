import { ShipkitError } from '../errors.js';
import type { DiffFile } from './diff.js';

/**
 * Checks that the diff describes the files coverage was measured on: every context and added
 * line of every hunk must be the head's line at that number. Otherwise patch coverage would
 * count the wrong lines, so it is an error naming the first line that differs.
 */
export function checkDiffApplies(
  files: readonly DiffFile[],
  read: (path: string) => string | undefined,
  source = 'the diff',
): void {
  for (const file of files) {
    if (file.status === 'deleted' || file.binary || file.hunks.length === 0) continue;
    const text = read(file.path);
    const hint =
      'Coverage must be measured on the commit the diff leads to: diff the checked-out commit ' +
      '(`git diff BASE...HEAD`, or fetch-depth: 2 for a pull request merge commit).';
    if (text === undefined) {
      throw new ShipkitError(`the diff does not apply: ${file.path} is not in the working tree`, {
        location: { file: source, line: file.hunks[0]?.diffLine },
        hint,
      });
    }
    const lines = text.split('\n');
    for (const hunk of file.hunks) {
      for (let k = 0; k < hunk.newText.length; k++) {
        const n = hunk.newStart + k;
        const have = lines[n - 1];
        if (have === undefined || stripCr(have) !== stripCr(hunk.newText[k] as string)) {
          throw new ShipkitError(
            `the diff does not apply: line ${n} of ${file.path} is not what the diff says (hunk at line ${hunk.diffLine} of ${source})`,
            { location: { file: file.path, line: n }, hint },
          );
        }
      }
    }
  }
}

const stripCr = (s: string) => (s.endsWith('\r') ? s.slice(0, -1) : s);
