/**
 * The regenerate-and-PR flow: the regenerated files are proposed on `shipkit/codegen/<base>`
 * (propose.ts), one pull request per target branch, updated in place on re-runs.
 */
import { type GitDataApi, type ProposeResult, proposeChanges } from './propose.js';

export type { GitDataApi };

export interface CodegenPrRequest {
  base: string;
  /** Repository path → new content. */
  files: Map<string, string>;
  /** Repository paths to remove (generated files that are no longer generated). */
  deletes: string[];
  title: string;
  body: string;
}

export type CodegenPrResult = ProposeResult;

/** The PR branch of a base branch. */
export function codegenBranch(base: string): string {
  return `shipkit/codegen/${base}`;
}

export function openCodegenPr(api: GitDataApi, req: CodegenPrRequest): Promise<CodegenPrResult> {
  return proposeChanges(api, {
    ...req,
    branch: codegenBranch(req.base),
    commitMessage: `chore(codegen): regenerate clients\n\n${firstLine(req.body)}`,
  });
}

function firstLine(markdown: string): string {
  return (markdown.split('\n').find((l) => l.trim() !== '') ?? '').replace(/\*\*/g, '');
}
