import { type DiffFile, parseUnifiedDiff } from './diff.js';

/** What GitHub's "list pull request files" answers for one file (the fields used here). */
export interface PullRequestFile {
  filename: string;
  previous_filename?: string;
  status: string;
  additions: number;
  deletions: number;
  /** The file's hunks; absent for binary files and for diffs too large to show. */
  patch?: string;
}

/**
 * The pull request's diff from the API's file list: each file's `patch` holds its hunks. A text
 * file without a patch (GitHub leaves it out when large) is reported in `missing`, so the gate
 * can say its lines were not counted rather than pretend they were.
 */
export function diffFromPullRequestFiles(files: readonly PullRequestFile[]): {
  files: DiffFile[];
  missing: string[];
} {
  const out: DiffFile[] = [];
  const missing: string[] = [];
  for (const f of files) {
    const status = (
      ['added', 'removed', 'renamed', 'copied'].includes(f.status)
        ? f.status === 'removed'
          ? 'deleted'
          : f.status
        : 'modified'
    ) as DiffFile['status'];
    const base: DiffFile = {
      path: f.filename,
      ...(f.previous_filename ? { oldPath: f.previous_filename } : {}),
      status,
      binary: false,
      added: [],
      removed: f.deletions,
      hunks: [],
    };
    if (f.patch === undefined) {
      // GitHub lists a binary file with no patch and no line counts.
      if (f.additions > 0 || f.deletions > 0) missing.push(f.filename);
      else base.binary = true;
      out.push(base);
      continue;
    }
    const [parsed] = parseUnifiedDiff(`--- a/x\n+++ b/x\n${f.patch}\n`, `the API's diff of ${f.filename}`);
    out.push({
      ...base,
      added: parsed?.added ?? [],
      removed: parsed?.removed ?? 0,
      hunks: parsed?.hunks ?? [],
    });
  }
  return { files: out, missing };
}
