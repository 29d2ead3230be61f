// Every GitHub write path under a lost answer (the write happens, the client sees a 502), no answer
// (with and without the write) and a secondary rate limit: afterwards there is exactly one of what
// it makes, and a re-run adds nothing.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { planSchema } from '../src/config/sections/plan.js';
import { type Annotation, publishCheckRun } from '../src/github/checks.js';
import { createGitHub, type GitHub } from '../src/github/client.js';
import { stickyMarker, upsertStickyComment } from '../src/github/comment.js';
import { writeDataFiles } from '../src/github/data-branch.js';
import { gitDataApi } from '../src/github/git-data.js';
import { syncPlan } from '../src/github/plan-sync.js';
import { proposeChanges } from '../src/github/propose.js';
import { publishRelease } from '../src/github/release.js';
import { parseBacklog } from '../src/plan/backlog.js';
import { planSprint } from '../src/plan/plan.js';
import { gitData } from './harness/git-data.js';
import {
  type Fault,
  type GitHubApi,
  lostAnswer,
  noAnswer,
  secondaryRateLimit,
  startGitHubApi,
} from './harness/github-api.js';
import { githubPulls } from './harness/github-pulls.js';
import { githubReleases } from './harness/github-releases.js';
import { githubState } from './harness/github-state.js';
import { IssuesState } from './plan/issues-state.js';

const OWNER = 'acme';
const REPO = 'widgets';
const SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';

function client(api: GitHubApi): GitHub {
  return createGitHub('ghs_test', {
    apiUrl: api.url,
    graphqlUrl: api.graphqlUrl,
    warn: () => {},
    writeIntervalMs: 0,
    // A hang is found after this; long enough that a loaded machine (2 cores, 4 test forks) answers in time.
    timeoutMs: 1000,
  });
}

const annotations = (n: number): Annotation[] =>
  Array.from({ length: n }, (_, i) => ({
    path: `src/f${i}.ts`,
    start_line: i + 1,
    end_line: i + 1,
    annotation_level: 'warning',
    message: `line ${i + 1} is not covered`,
  }));

const checkRun = (n: number) => ({
  owner: OWNER,
  repo: REPO,
  name: 'shipkit gate',
  headSha: SHA,
  conclusion: 'failure' as const,
  title: 'coverage 80% < 90%',
  summary: 'details',
  annotations: annotations(n),
});

interface WritePath {
  /** The write that gets the fault (`skip`: calls of it let through first). */
  route: string;
  skip?: number;
  /** Sets up the stand-in; `write` runs the shipkit code, `made` lists what exists afterwards. */
  setup(api: GitHubApi): Promise<{ write(gh: GitHub): Promise<unknown>; made(): unknown[]; close?(): void }>;
}

const config = planSchema.parse({ team: [{ name: 'ann', capacity: 20 }] });
const plan = planSprint(
  parseBacklog('items:\n  - {id: a, title: A, points: 2}\n  - {id: b, title: B, points: 3}\n', 'backlog.yml'),
  config,
  { number: 7, start: '2026-12-01', duration: '2-weeks' },
);

const asset = (content: string) => {
  const data = Buffer.from(content);
  const sha256 = createHash('sha256').update(data).digest('hex');
  return { name: 'app.tgz', path: 'app.tgz', data, sha256, contentType: 'application/gzip' };
};

const PATHS: Record<string, WritePath> = {
  'sticky comment': {
    route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    async setup(api) {
      const state = githubState(api, { owner: OWNER, repo: REPO });
      return {
        write: (gh) =>
          upsertStickyComment(gh, { owner: OWNER, repo: REPO, issueNumber: 7, key: 'gate' }, 'ok'),
        made: () => state.commentsOn(7).filter((c) => c.body.startsWith(stickyMarker('gate'))),
      };
    },
  },
  'check run': {
    route: 'POST /repos/{owner}/{repo}/check-runs',
    async setup(api) {
      const state = githubState(api, { owner: OWNER, repo: REPO });
      return {
        write: (gh) => publishCheckRun(gh, checkRun(3)),
        made: () => {
          expect(state.annotations.get(state.checkRuns[0]?.id ?? 0)).toHaveLength(3);
          return state.checkRuns;
        },
      };
    },
  },
  'check run annotations (the second 50)': {
    route: 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}',
    async setup(api) {
      const state = githubState(api, { owner: OWNER, repo: REPO });
      return {
        write: (gh) => publishCheckRun(gh, checkRun(120)),
        // One run, each of the 120 annotations once, completed.
        made: () => {
          const listed = state.annotations.get(state.checkRuns[0]?.id ?? 0) ?? [];
          const distinct = new Set(listed.map((a) => JSON.stringify(a)));
          expect(state.checkRuns.map((r) => r.conclusion)).toEqual(['failure']);
          return distinct.size === 120 && listed.length === 120
            ? state.checkRuns
            : [...state.checkRuns, 'dup'];
        },
      };
    },
  },
  'data branch (created)': {
    route: 'POST /repos/{owner}/{repo}/git/refs',
    async setup(api) {
      const git = gitData(api, { owner: OWNER, repo: REPO });
      const b = { owner: OWNER, repo: REPO, branch: 'shipkit-data' };
      return {
        write: (gh) => writeDataFiles(gh, b, [{ path: 'gate/a.json', content: '{}\n' }], 'store a'),
        made: () => git.git(['log', '--format=%s', 'shipkit-data']).split('\n'),
        close: () => git.close(),
      };
    },
  },
  'data branch (appended)': {
    route: 'PATCH /repos/{owner}/{repo}/git/refs/{ref}',
    async setup(api) {
      const git = gitData(api, { owner: OWNER, repo: REPO });
      git.setBranch('shipkit-data', git.commit('seed', { 'gate/seed.json': '{}\n' }));
      const b = { owner: OWNER, repo: REPO, branch: 'shipkit-data' };
      return {
        write: (gh) => writeDataFiles(gh, b, [{ path: 'gate/a.json', content: '{}\n' }], 'store a'),
        made: () =>
          git
            .git(['log', '--format=%s', 'shipkit-data'])
            .split('\n')
            .filter((s) => s !== 'seed'),
        close: () => git.close(),
      };
    },
  },
  release: {
    route: 'POST /repos/{owner}/{repo}/releases',
    async setup(api) {
      const releases = await githubReleases(api, { owner: OWNER, repo: REPO });
      return {
        write: (gh) => publishRelease(gh, releaseRequest([])),
        made: () => releases.releases,
        close: () => void releases.close(),
      };
    },
  },
  'release asset': {
    route: 'POST /repos/{owner}/{repo}/releases/{release_id}/assets',
    async setup(api) {
      const releases = await githubReleases(api, { owner: OWNER, repo: REPO });
      return {
        write: (gh) => publishRelease(gh, releaseRequest([asset('bytes')])),
        made: () => releases.releases.flatMap((r) => r.assets.filter((a) => a.state === 'uploaded')),
        close: () => void releases.close(),
      };
    },
  },
  'plan milestone': {
    route: 'POST /repos/{owner}/{repo}/milestones',
    async setup(api) {
      const state = new IssuesState(api, OWNER, REPO);
      return {
        write: (gh) => syncPlan(gh, { owner: OWNER, repo: REPO }, plan, config),
        made: () => state.milestones,
      };
    },
  },
  'plan issue': {
    route: 'POST /repos/{owner}/{repo}/issues',
    skip: 1,
    async setup(api) {
      const state = new IssuesState(api, OWNER, REPO);
      return {
        write: (gh) => syncPlan(gh, { owner: OWNER, repo: REPO }, plan, config),
        // Two tasks and the tracking issue: three issues, each marker once.
        made: () => {
          const markers = state.issues.map((i) => /<!-- shipkit:plan [^>]*-->/.exec(i.body ?? '')?.[0]);
          expect(new Set(markers).size).toBe(3);
          return state.issues.length === 3 ? ['three issues'] : state.issues;
        },
      };
    },
  },
  'proposed pull request': {
    route: 'POST /repos/{owner}/{repo}/pulls',
    async setup(api) {
      const git = gitData(api, { owner: OWNER, repo: REPO });
      git.setBranch('main', git.commit('initial', { 'README.md': '# widgets\n' }));
      const { pulls } = githubPulls(api, git, { owner: OWNER, repo: REPO });
      return {
        write: (gh) => proposeChanges(gitDataApi(gh, OWNER, REPO), proposal()),
        made: () => pulls,
        close: () => git.close(),
      };
    },
  },
  'proposed branch': {
    route: 'POST /repos/{owner}/{repo}/git/refs',
    async setup(api) {
      const git = gitData(api, { owner: OWNER, repo: REPO });
      git.setBranch('main', git.commit('initial', { 'README.md': '# widgets\n' }));
      const { pulls } = githubPulls(api, git, { owner: OWNER, repo: REPO });
      return {
        write: (gh) => proposeChanges(gitDataApi(gh, OWNER, REPO), proposal()),
        made: () => {
          expect(git.files('shipkit/codegen/main')['src/client.ts']).toBe('export {};\n');
          return pulls;
        },
        close: () => git.close(),
      };
    },
  },
};

function releaseRequest(assets: ReturnType<typeof asset>[]) {
  return {
    owner: OWNER,
    repo: REPO,
    tag: 'v1.0.0',
    name: 'v1.0.0',
    body: 'notes',
    draft: false,
    prerelease: false,
    assets,
    warn: () => {},
    info: () => {},
  };
}

function proposal() {
  return {
    base: 'main',
    branch: 'shipkit/codegen/main',
    files: new Map([['src/client.ts', 'export {};\n']]),
    deletes: [],
    commitMessage: 'Regenerate the client',
    title: 'Regenerate the client',
    body: 'The spec changed.',
  };
}

const FAULTS: Record<string, (route: string, skip: number) => Fault> = {
  'a lost answer (written, 502)': (route, skip) => lostAnswer(route, skip),
  'no answer after the write': (route, skip) => noAnswer(route, true, skip),
  'no answer, nothing written': (route, skip) => noAnswer(route, false, skip),
  'a secondary rate limit': (route, skip) => ({ ...secondaryRateLimit(1, route), skip }),
};

describe.concurrent('every write path makes exactly one of each', () => {
  for (const [pathName, path] of Object.entries(PATHS)) {
    for (const [faultName, fault] of Object.entries(FAULTS)) {
      it(`${pathName}, under ${faultName}, and again on a re-run`, async () => {
        const api = await startGitHubApi();
        const subject = await path.setup(api);
        try {
          const gh = client(api);
          api.fault(fault(path.route, path.skip ?? 0));
          await subject.write(gh);
          const faulted = api.calls.filter((c) => c.route === path.route);
          expect(faulted.map((c) => c.status)).toContain(
            faultName.includes('rate') ? 403 : faultStatus(faultName),
          );
          expect(subject.made()).toHaveLength(1);
          await subject.write(client(api));
          expect(subject.made()).toHaveLength(1);
          api.assertNoViolations();
        } finally {
          subject.close?.();
          await api.close();
        }
      });
    }
  }
});

function faultStatus(name: string): number {
  return name.includes('502') ? 502 : 0;
}
