import type { GitHub } from './client.js';
import { ANNOTATIONS_PER_REQUEST, CHECK_TEXT_LIMIT, truncate } from './limits.js';

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  start_column?: number;
  end_column?: number;
}

export interface CheckRunInput {
  owner: string;
  repo: string;
  name: string;
  headSha: string;
  conclusion: 'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required';
  title: string;
  summary: string;
  text?: string;
  annotations?: Annotation[];
  detailsUrl?: string;
}

/**
 * Publishes a finished check run with any number of annotations. GitHub takes 50 annotations a
 * request, so the run is created with the first 50 and updated with the rest, 50 at a time; the
 * last request completes it. Returns the check run id and the number of requests made.
 */
export async function publishCheckRun(
  gh: GitHub,
  input: CheckRunInput,
): Promise<{ id: number; requests: number }> {
  const annotations = input.annotations ?? [];
  const batches: Annotation[][] = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) {
    batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  }
  const output = (batch: Annotation[] | undefined) => ({
    title: input.title,
    summary: truncate(input.summary, CHECK_TEXT_LIMIT),
    ...(input.text ? { text: truncate(input.text, CHECK_TEXT_LIMIT) } : {}),
    ...(batch?.length ? { annotations: batch } : {}),
  });
  const single = batches.length <= 1;
  const { owner, repo } = input;
  const { data } = await gh.rest.checks.create({
    owner,
    repo,
    name: input.name,
    head_sha: input.headSha,
    ...(input.detailsUrl ? { details_url: input.detailsUrl } : {}),
    ...(single
      ? { status: 'completed' as const, conclusion: input.conclusion, completed_at: new Date().toISOString() }
      : { status: 'in_progress' as const }),
    output: output(batches[0]),
  });
  let requests = 1;
  for (let i = 1; i < batches.length; i++) {
    const last = i === batches.length - 1;
    await gh.rest.checks.update({
      owner,
      repo,
      check_run_id: data.id,
      ...(last
        ? {
            status: 'completed' as const,
            conclusion: input.conclusion,
            completed_at: new Date().toISOString(),
          }
        : {}),
      output: output(batches[i]),
    });
    requests++;
  }
  return { id: data.id, requests };
}
