import { describe, expect, it } from 'vitest';
import {
  checkActionText,
  checkWorkflowText,
  formatFinding,
  type PolicyFinding,
} from '../src/security/workflow-policy.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';

/** A workflow that passes every rule; `steps` is spliced in under `jobs.build.steps`. */
function workflow(steps: string, on = 'push'): string {
  return `name: ci
on: ${on}
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
${steps}`;
}

function composite(steps: string): string {
  return `name: x
description: y
inputs:
  version:
    description: v
runs:
  using: composite
  steps:
${steps}`;
}

function brief(findings: PolicyFinding[]): string[] {
  return findings.map((f) => `${f.line}:${f.column} ${f.rule}`);
}

describe('untrusted-expression', () => {
  it('flags an untrusted event field in a run block, pointing at the reference', () => {
    const text = workflow(`      - run: |
          echo "building"
          echo "\${{ github.event.issue.title }}"
`);
    const findings = checkWorkflowText(text, 'w.yml');
    expect(brief(findings)).toEqual(['11:21 untrusted-expression']);
    expect(findings[0]?.message).toContain('github.event.issue.title');
    expect(findings[0]?.file).toBe('w.yml');
  });

  it('points at the reference in a plain one-line run', () => {
    const text = workflow(`      - run: echo \${{ github.head_ref }}\n`);
    expect(brief(checkWorkflowText(text, 'w.yml'))).toEqual(['9:23 untrusted-expression']);
  });

  it('passes the env: indirection', () => {
    const text = workflow(`      - env:
          TITLE: \${{ github.event.issue.title }}
        run: echo "$TITLE"
`);
    expect(checkWorkflowText(text, 'w.yml')).toEqual([]);
  });

  it.each([
    "github.event['pull_request']['title']",
    'github.event["pull_request"].body',
    'github.event.commits[0].message',
    'github.event.commits[*].author.email',
    'github.event.commits.*.author.name',
    'github . event . pull_request . head . ref',
    'GitHub.Event.Issue.Body',
    'github.event.pull_request.head.label',
    'github.event.pull_request.head.repo.default_branch',
    'github.event.comment.body',
    'github.event.review.body',
    'github.event.review_comment.body',
    'github.event.pages[0].page_name',
    'github.event.head_commit.author.email',
    'github.event.workflow_run.head_branch',
    'github.event.workflow_run.display_title',
    'github.event.workflow_run.head_commit.message',
    'github.event.discussion.title',
    'github.event.*.title',
    'toJSON(github.event)',
    'toJSON(github.event.pull_request)',
    "format('{0}', github.event.discussion.body)",
  ])('flags %s', (expr) => {
    const text = workflow(`      - run: echo "\${{ ${expr} }}"\n`);
    const findings = checkWorkflowText(text, 'w.yml');
    expect(findings.map((f) => `${f.line} ${f.rule}`)).toEqual(['9 untrusted-expression']);
    // the column is that of the reference itself, after `echo "${{ `
    expect(findings[0]?.column).toBeGreaterThanOrEqual(24);
  });

  it.each([
    'github.event.pull_request.number',
    'github.event.pull_request.head.sha',
    'github.event_name',
    'github.sha',
    'steps.github.outputs.event',
    "contains(github.event.pull_request.title, 'wip')",
    "startsWith(github.head_ref, 'release/')",
    "'github.event.issue.title'",
  ])('does not flag %s', (expr) => {
    const text = workflow(`      - run: echo "\${{ ${expr} }}"\n`);
    expect(checkWorkflowText(text, 'w.yml')).toEqual([]);
  });

  it('reports every untrusted reference of a multi-line expression in a folded scalar', () => {
    const text = workflow(`      - run: >
          echo \${{ github.event.issue.title
          || github.event.issue.body }}
`);
    expect(brief(checkWorkflowText(text, 'w.yml'))).toEqual([
      '10:16 untrusted-expression',
      '10:16 untrusted-expression',
    ]);
  });

  it('flags actions/github-script script: and passes process.env', () => {
    const bad = workflow(`      - uses: actions/github-script@${SHA}
        with:
          script: |
            const title = '\${{ github.event.pull_request.title }}';
`);
    const findings = checkWorkflowText(bad, 'w.yml');
    expect(brief(findings)).toEqual(['12:32 untrusted-expression']);
    expect(findings[0]?.message).toContain('github-script');

    const good = workflow(`      - uses: actions/github-script@${SHA}
        env:
          TITLE: \${{ github.event.pull_request.title }}
        with:
          script: |
            const title = process.env.TITLE;
`);
    expect(checkWorkflowText(good, 'w.yml')).toEqual([]);
  });

  it('flags inputs.* in a composite action run: and passes env:', () => {
    const bad = composite(`    - shell: bash
      run: npm install -g "tool@\${{ inputs.version }}"
`);
    const findings = checkActionText(bad, 'action.yml');
    expect(brief(findings)).toEqual(['10:37 untrusted-expression']);
    expect(findings[0]?.message).toContain('inputs.version');

    const good = composite(`    - shell: bash
      env:
        VERSION: \${{ inputs.version }}
      run: npm install -g "tool@$VERSION"
`);
    expect(checkActionText(good, 'action.yml')).toEqual([]);
  });

  it('flags free-text workflow inputs, not constrained ones', () => {
    const on = `
  workflow_dispatch:
    inputs:
      notes:
        type: string
      dry-run:
        type: boolean
      level:
        type: choice
        options: [patch, minor]`;
    const text = workflow(
      `      - run: |
          echo \${{ inputs.dry-run }} \${{ inputs.level }}
          echo \${{ inputs.notes }}
          echo \${{ github.event.inputs.notes }}
`,
      on,
    );
    expect(brief(checkWorkflowText(text, 'w.yml'))).toEqual([
      '20:20 untrusted-expression',
      '21:20 untrusted-expression',
    ]);
  });
});

describe('missing-permissions', () => {
  it('flags a workflow without top-level permissions', () => {
    const text = `name: ci
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - run: echo ok
`;
    const findings = checkWorkflowText(text, 'w.yml');
    expect(brief(findings)).toEqual(['1:1 missing-permissions']);
  });

  it('passes with permissions: {} or a scoped mapping', () => {
    expect(checkWorkflowText(workflow('      - run: echo ok\n'), 'w.yml')).toEqual([]);
    const empty =
      'on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n';
    expect(checkWorkflowText(empty, 'w.yml')).toEqual([]);
  });
});

describe('unpinned-action', () => {
  it('flags tags, branches and missing refs at the uses: value', () => {
    const text = workflow(`      - uses: actions/setup-node@v4
      - uses: owner/repo/path@main
      - uses: owner/repo
      - uses: actions/setup-node@${SHA.slice(0, 7)}
`);
    const findings = checkWorkflowText(text, 'w.yml');
    expect(brief(findings)).toEqual([
      '9:15 unpinned-action',
      '10:15 unpinned-action',
      '11:15 unpinned-action',
      '12:15 unpinned-action',
    ]);
    expect(findings[0]?.message).toContain('ref "v4"');
    expect(findings[2]?.message).toContain('no ref');
  });

  it('passes SHA pins, local actions and docker digests', () => {
    const text = workflow(`      - uses: actions/setup-node@${SHA} # v4.4.0
      - uses: ./actions/gate
      - uses: ./
      - uses: docker://alpine@sha256:${'a'.repeat(64)}
`);
    expect(checkWorkflowText(text, 'w.yml')).toEqual([]);
  });

  it('flags docker tags', () => {
    const text = workflow('      - uses: docker://alpine:3.20\n');
    expect(brief(checkWorkflowText(text, 'w.yml'))).toEqual(['9:15 unpinned-action']);
  });

  it('requires a SHA for reusable workflows', () => {
    const text = (ref: string) => `on: push
permissions: {}
jobs:
  call:
    uses: owner/repo/.github/workflows/release.yml@${ref}
  local:
    uses: ./.github/workflows/reusable.yml
`;
    expect(brief(checkWorkflowText(text('v1'), 'w.yml'))).toEqual(['5:11 unpinned-action']);
    expect(checkWorkflowText(text(SHA), 'w.yml')).toEqual([]);
  });

  it('flags unpinned uses: in composite actions', () => {
    const text = composite('    - uses: actions/cache@v4\n');
    expect(brief(checkActionText(text, 'action.yml'))).toEqual(['9:13 unpinned-action']);
  });
});

describe('checkout-credentials', () => {
  it('flags checkout without persist-credentials: false, whatever the ref', () => {
    const text = workflow(`      - uses: actions/checkout@${SHA}
      - uses: actions/checkout@${SHA}
        with:
          persist-credentials: true
          fetch-depth: 0
`);
    const findings = checkWorkflowText(text, 'w.yml');
    expect(brief(findings)).toEqual(['9:15 checkout-credentials', '10:15 checkout-credentials']);
    expect(brief(checkWorkflowText(workflow('      - uses: actions/checkout@v5\n'), 'w.yml'))).toEqual([
      '9:15 checkout-credentials',
      '9:15 unpinned-action',
    ]);
  });

  it('passes persist-credentials: false (boolean or string)', () => {
    const text = workflow(`      - uses: actions/checkout@${SHA} # v5.0.0
        with:
          persist-credentials: false
      - uses: actions/checkout@${SHA}
        with:
          persist-credentials: 'false'
`);
    expect(checkWorkflowText(text, 'w.yml')).toEqual([]);
  });
});

describe('action files', () => {
  it('accepts a node24 action with nothing to check', () => {
    const text = 'name: x\ndescription: y\nruns:\n  using: node24\n  main: dist/index.js\n';
    expect(checkActionText(text, 'action.yml')).toEqual([]);
  });

  it('reports YAML that does not parse', () => {
    const findings = checkActionText('name: x\nruns:\n  using: [node24\n', 'action.yml');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.rule === 'parse-error')).toBe(true);
    expect(checkWorkflowText('- a\n- b\n', 'w.yml').map((f) => f.rule)).toEqual(['parse-error']);
  });

  it('flags an unpinned docker image of a docker action', () => {
    const text = 'name: x\ndescription: y\nruns:\n  using: docker\n  image: docker://node:24\n';
    expect(brief(checkActionText(text, 'action.yml'))).toEqual(['5:10 unpinned-action']);
    const dockerfile = 'name: x\ndescription: y\nruns:\n  using: docker\n  image: Dockerfile\n';
    expect(checkActionText(dockerfile, 'action.yml')).toEqual([]);
  });
});

describe('formatFinding', () => {
  it('renders file:line:col rule: message', () => {
    expect(
      formatFinding({ file: 'a.yml', line: 3, column: 7, rule: 'unpinned-action', message: 'pin it' }),
    ).toBe('a.yml:3:7 unpinned-action: pin it');
  });
});
