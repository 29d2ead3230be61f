import type { GitHub } from './client.js';
import { mayHaveHappened } from './create-once.js';
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

/** What a check run needs to be the one this input describes (from GitHub's answers). */
interface RunState {
  id: number;
  status: string | null;
  conclusion: string | null;
  output: { title: string | null; summary: string | null; text?: string | null; annotations_count: number };
}

/**
 * Publishes a finished check run with any number of annotations: one run per name and head SHA.
 * A re-run for the same commit brings that run up to date (nothing is sent when it already says the
 * same). GitHub takes 50 annotations a request and appends those of every update, so only the ones
 * the run lacks are sent, 50 at a time, the last request completing it; a run that carries
 * annotations this input no longer has cannot be cleaned, so a new run of that name replaces it
 * (GitHub shows the newest). When a write's answer is lost, the run is read again and the
 * remaining work worked out anew, so nothing is created or annotated twice.
 */
export async function publishCheckRun(
  gh: GitHub,
  input: CheckRunInput,
): Promise<{ id: number; requests: number }> {
  const want = input.annotations ?? [];
  let run = await findCheckRun(gh, input);
  let have = run ? await annotationsOf(gh, input, run) : [];
  if (run && !within(have, want)) {
    run = undefined;
    have = [];
  }
  let requests = 0;
  for (let failures = 0; ; ) {
    const missing = subtract(want, have);
    const batch = missing.slice(0, ANNOTATIONS_PER_REQUEST);
    const last = missing.length <= ANNOTATIONS_PER_REQUEST;
    if (run && missing.length === 0 && says(run, input)) return { id: run.id, requests };
    try {
      run = run ? await updateRun(gh, input, run.id, batch, last) : await createRun(gh, input, batch, last);
      requests++;
      have = have.concat(batch);
      if (last) return { id: run.id, requests };
    } catch (err) {
      if (!mayHaveHappened(err) || ++failures >= 3) throw err;
      run = await findCheckRun(gh, input);
      have = run ? await annotationsOf(gh, input, run) : [];
    }
  }
}

function output(input: CheckRunInput, batch: Annotation[]) {
  return {
    title: input.title,
    summary: truncate(input.summary, CHECK_TEXT_LIMIT),
    ...(input.text ? { text: truncate(input.text, CHECK_TEXT_LIMIT) } : {}),
    ...(batch.length ? { annotations: batch } : {}),
  };
}

const completed = (input: CheckRunInput) => ({
  status: 'completed' as const,
  conclusion: input.conclusion,
  completed_at: new Date().toISOString(),
});

async function createRun(
  gh: GitHub,
  input: CheckRunInput,
  batch: Annotation[],
  last: boolean,
): Promise<RunState> {
  const { data } = await gh.rest.checks.create({
    owner: input.owner,
    repo: input.repo,
    name: input.name,
    head_sha: input.headSha,
    ...(input.detailsUrl ? { details_url: input.detailsUrl } : {}),
    ...(last ? completed(input) : { status: 'in_progress' as const }),
    output: output(input, batch),
  });
  return data;
}

async function updateRun(
  gh: GitHub,
  input: CheckRunInput,
  id: number,
  batch: Annotation[],
  last: boolean,
): Promise<RunState> {
  const { data } = await gh.rest.checks.update({
    owner: input.owner,
    repo: input.repo,
    check_run_id: id,
    ...(input.detailsUrl ? { details_url: input.detailsUrl } : {}),
    ...(last ? completed(input) : {}),
    output: output(input, batch),
  });
  return data;
}

/** Whether the run already says what `input` says (annotations apart). */
function says(run: RunState, input: CheckRunInput): boolean {
  return (
    run.status === 'completed' &&
    run.conclusion === input.conclusion &&
    run.output.title === input.title &&
    run.output.summary === truncate(input.summary, CHECK_TEXT_LIMIT) &&
    (!input.text || run.output.text === truncate(input.text, CHECK_TEXT_LIMIT))
  );
}

/** The newest run of this name on the head commit, or undefined. */
async function findCheckRun(gh: GitHub, input: CheckRunInput): Promise<RunState | undefined> {
  const { data } = await gh.rest.checks.listForRef({
    owner: input.owner,
    repo: input.repo,
    ref: input.headSha,
    check_name: input.name,
    filter: 'latest',
    per_page: 100,
  });
  const runs = data.check_runs.filter((r) => r.name === input.name && r.head_sha === input.headSha);
  return runs.sort((a, b) => b.id - a.id)[0];
}

async function annotationsOf(gh: GitHub, input: CheckRunInput, run: RunState): Promise<Annotation[]> {
  if (run.output.annotations_count === 0) return [];
  const list = await gh.paginate(gh.rest.checks.listAnnotations, {
    owner: input.owner,
    repo: input.repo,
    check_run_id: run.id,
    per_page: 100,
  });
  return list.map((a) => ({
    path: a.path,
    start_line: a.start_line,
    end_line: a.end_line,
    annotation_level: a.annotation_level as Annotation['annotation_level'],
    message: a.message ?? '',
    ...(a.title ? { title: a.title } : {}),
  }));
}

const keyOf = (a: Annotation) =>
  JSON.stringify([a.path, a.start_line, a.end_line, a.annotation_level, a.message, a.title || null]);

/** `want` without one of each annotation in `have` (both lists may repeat an annotation). */
function subtract(want: Annotation[], have: Annotation[]): Annotation[] {
  const counts = new Map<string, number>();
  for (const a of have) counts.set(keyOf(a), (counts.get(keyOf(a)) ?? 0) + 1);
  return want.filter((a) => {
    const n = counts.get(keyOf(a)) ?? 0;
    if (n > 0) counts.set(keyOf(a), n - 1);
    return n === 0;
  });
}

/** Whether every annotation of `have` is one of `want` (so `want` can be reached by appending). */
function within(have: Annotation[], want: Annotation[]): boolean {
  return subtract(have, want).length === 0;
}
