// The decisions the action entry points used to make themselves, now in the cores (issue 12):
// each is a pure function of the request, so the CLI and the action cannot decide differently.
import { describe, expect, it } from 'vitest';
import { codegenActionMode, codegenBase } from '../src/codegen/request.js';
import { ShipkitError } from '../src/errors.js';
import { forkNote } from '../src/gate/outcome.js';
import { diffMode, gateCheck, gateFailure, type SavedRun, savedPublication } from '../src/gate/request.js';
import type { GateResult } from '../src/gate/result.js';
import { historyAction, historyChoice } from '../src/perf/request.js';
import { planNeedsGitHub } from '../src/plan/job.js';
import { releaseTag } from '../src/release/job.js';

const result = (id: string, status: 'pass' | 'warn' | 'fail'): GateResult => ({
  id,
  title: id,
  status,
  breached: status !== 'pass',
  action: status === 'fail' ? 'fail_if_below' : 'warn_if_below',
  informational: false,
  summary: `${id} ${status}`,
  notes: [],
  outputs: {},
});

describe('gate decisions', () => {
  it('a warning is a neutral check, a fail_* failure a failed one that also fails the step', () => {
    expect(gateCheck({ verdict: 'pass', results: [result('coverage', 'pass')] })).toEqual({
      conclusion: 'success',
      title: 'All gates passed',
    });
    const warned = {
      verdict: 'warn' as const,
      results: [result('coverage', 'pass'), result('security', 'warn')],
    };
    expect(gateCheck(warned)).toEqual({ conclusion: 'neutral', title: 'Not met: security' });
    expect(gateFailure(warned)).toBeUndefined();
    const failed = {
      verdict: 'fail' as const,
      results: [result('patch', 'fail'), result('security', 'warn')],
    };
    expect(gateCheck(failed)).toEqual({ conclusion: 'failure', title: 'Not met: patch, security' });
    expect(gateFailure(failed)?.message).toBe('quality gates failed: patch (patch fail)');
  });

  it('the diff input is auto, git, api or none; anything else is named', () => {
    expect(diffMode('')).toBe('auto');
    expect(diffMode(' api ')).toBe('api');
    expect(() => diffMode('gti')).toThrow(/input `diff` must be one of auto, git, api, none, got "gti"/);
  });

  const head = 'a'.repeat(40);
  const pushed = { headSha: head, headBranch: 'main', event: 'push' };
  const facts = { defaultBranch: 'main', dataBranch: 'shipkit-data' };

  it('a saved outcome stores its baseline only for a push to the default branch of the commit it names', () => {
    const saved = { headSha: head, baseline: { commit: head } };
    expect(savedPublication(saved, pushed, facts)).toEqual({ headSha: head, storeBaseline: true });
    expect(savedPublication(saved, { ...pushed, headBranch: 'topic' }, facts).storeBaseline).toBe(false);
    expect(savedPublication(saved, { ...pushed, event: 'pull_request' }, facts).storeBaseline).toBe(false);
    expect(savedPublication(saved, pushed, { ...facts, defaultBranch: undefined }).storeBaseline).toBe(false);
    expect(savedPublication(saved, pushed, { ...facts, dataBranch: '' }).storeBaseline).toBe(false);
    const other = { headSha: head, baseline: { commit: 'b'.repeat(40) } };
    expect(savedPublication(other, pushed, facts).storeBaseline).toBe(false);
  });

  it("a saved outcome is a fork's when the head repository is another, deleted or not named on a pull request's run", () => {
    const saved = { headSha: head };
    const at = { ...pushed, event: 'pull_request', repository: 'octo-org/octo-repo' };
    const fork = (run: SavedRun) => savedPublication(saved, run, facts).fork;
    expect(fork({ ...at, headRepository: 'forker/octo-repo' })).toEqual({ repository: 'forker/octo-repo' });
    expect(fork({ ...at, headRepository: null })).toEqual({ repository: undefined });
    expect(fork({ ...at, headRepository: undefined })).toEqual({ repository: undefined });
    expect(fork({ ...at, event: 'pull_request_target', headRepository: undefined })).toEqual({
      repository: undefined,
    });
    expect(fork({ ...at, headRepository: 'Octo-Org/Octo-Repo' })).toBeUndefined();
    expect(fork(pushed)).toBeUndefined();
    expect(fork({ ...pushed, headRepository: 'octo-org/octo-repo' })).toBeUndefined();
  });

  it("the fork's note says what the run that saved the result ran", () => {
    expect(forkNote({ repository: 'forker/repo' }, 'pull_request')).toBe(
      "> [!WARNING]\n> **From a fork's own run.** A `pull_request` run of `forker/repo` saved these results: it ran the fork's workflow files and code, so the fork could have written any figure here. Read the change, its workflow files too, before you trust this verdict.\n\n",
    );
    expect(forkNote({ repository: 'forker/repo' }, 'pull_request_target')).toContain(
      "**On a fork's code.** A `pull_request_target` run for `forker/repo` saved these results: it ran this repository's workflow files on the fork's code",
    );
    expect(forkNote({ repository: undefined }, undefined)).toContain(
      'A `workflow` run of a fork GitHub no longer names (deleted) saved',
    );
  });

  it("a saved outcome's pull request is believed only when its head is the commit the run tested", () => {
    const saved = { headSha: head, pullRequest: 7 };
    const run = { ...pushed, event: 'pull_request' };
    expect(savedPublication(saved, run, { ...facts, prHeadSha: head }).headSha).toBe(head);
    for (const [r, prHeadSha] of [
      [run, 'c'.repeat(40)],
      [run, undefined],
      [{ ...run, headSha: undefined }, head],
    ] as const) {
      expect(() => savedPublication(saved, r, { ...facts, prHeadSha })).toThrow(
        /names pull request #7, whose head is not the commit this workflow_run tested/,
      );
    }
  });
});

describe('perf decisions', () => {
  it('one history store at most', () => {
    expect(historyChoice('', '')).toEqual({ kind: 'none' });
    expect(historyChoice('.perf', '')).toEqual({ kind: 'local', dir: '.perf' });
    expect(historyChoice('', 'shipkit-data')).toEqual({ kind: 'data-branch', branch: 'shipkit-data' });
    expect(() => historyChoice('.perf', 'shipkit-data')).toThrow(ShipkitError);
  });

  it('auto saves on a default-branch push; a pull request may store its trends on the data branch', () => {
    const branch = historyChoice('', 'shipkit-data');
    const push = { defaultBranchPush: true, pullRequest: undefined, prTrends: true, trends: 2 };
    const pr = { defaultBranchPush: false, pullRequest: 5, prTrends: true, trends: 2 };
    expect(historyAction(branch, 'auto', push)).toBe('save');
    expect(historyAction(branch, false, push)).toBe('none');
    expect(historyAction(branch, true, pr)).toBe('save');
    expect(historyAction(branch, 'auto', pr)).toBe('pr-trends');
    expect(historyAction(branch, 'auto', { ...pr, prTrends: false })).toBe('none');
    expect(historyAction(branch, 'auto', { ...pr, trends: 0 })).toBe('none');
    expect(historyAction(historyChoice('.perf', ''), 'auto', pr)).toBe('none');
    expect(historyAction(historyChoice('', ''), true, push)).toBe('none');
  });
});

describe('codegen, plan and release decisions', () => {
  it('codegen: mode check or pr; the base from the input, the config, the pushed branch, the default branch', () => {
    expect(codegenActionMode('')).toBe('check');
    expect(() => codegenActionMode('generate')).toThrow(/input `mode` must be check or pr/);
    const push = { ref: 'refs/heads/release', defaultBranch: 'main' };
    expect(codegenBase({ input: ' dev ', configured: 'main' }, push)).toBe('dev');
    expect(codegenBase({ input: '', configured: 'trunk' }, push)).toBe('trunk');
    expect(codegenBase({ input: '', configured: undefined }, push)).toBe('release');
    expect(codegenBase({ input: '', configured: undefined }, { ref: '', defaultBranch: 'main' })).toBe(
      'main',
    );
    expect(() =>
      codegenBase({ input: '', configured: undefined }, { ref: '', defaultBranch: undefined }),
    ).toThrow(/cannot tell the base branch/);
  });

  it('plan: GitHub only for issues or milestone velocity', () => {
    expect(planNeedsGitHub({ backlog: { from: 'file', file: 'b.yml' }, velocity: [1, 2] })).toBe(false);
    expect(planNeedsGitHub({ backlog: { from: 'issues' } })).toBe(true);
    expect(planNeedsGitHub({ backlog: { from: 'file', file: 'b.yml' }, velocity: 'milestones' })).toBe(true);
  });

  it('release: the tag input, else the pushed tag; a branch push is refused', () => {
    expect(releaseTag(' v2.0.0 ', 'refs/heads/main')).toBe('v2.0.0');
    expect(releaseTag('', 'refs/tags/v1.2.3')).toBe('v1.2.3');
    expect(() => releaseTag('', 'refs/heads/main')).toThrow(/this run is not for a tag/);
  });
});
