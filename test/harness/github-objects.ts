// Builders for complete, realistic GitHub REST objects (they validate against the description).

export type Json = Record<string, unknown>;

/** `github-actions[bot]`, the author of everything written with a workflow's GITHUB_TOKEN. */
export const ACTIONS_BOT = { login: 'github-actions[bot]', id: 41898282 };

/** GitHub's timestamp format: ISO 8601 without milliseconds. */
export function timestamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function nodeId(prefix: string, id: number): string {
  return `${prefix}_${Buffer.from(`0:${id}`).toString('base64url')}`;
}

/** A `simple-user`; bots (`name[bot]`) get type `Bot` and an `/apps/` profile. */
export function userObject(apiUrl: string, login: string, id: number, type?: 'User' | 'Organization'): Json {
  const bot = login.endsWith('[bot]');
  const url = `${apiUrl}/users/${encodeURIComponent(login)}`;
  return {
    login,
    id,
    node_id: nodeId(bot ? 'BOT' : 'U', id),
    avatar_url: `https://avatars.githubusercontent.com/${bot ? 'in/15368' : `u/${id}`}?v=4`,
    gravatar_id: '',
    url,
    html_url: bot
      ? `https://github.com/apps/${login.slice(0, -'[bot]'.length)}`
      : `https://github.com/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: bot ? 'Bot' : (type ?? 'User'),
    user_view_type: 'public',
    site_admin: false,
  };
}

/** The GitHub Actions app (`performed_via_github_app`, a check run's `app`). */
export function actionsApp(apiUrl: string): Json {
  return {
    id: 15368,
    slug: 'github-actions',
    node_id: 'MDM6QXBwMTUzNjg=',
    client_id: 'Iv1.05c79e9ad1f6bdfa',
    owner: userObject(apiUrl, 'github', 9919, 'Organization'),
    name: 'GitHub Actions',
    description: 'Automate your workflow from idea to production',
    external_url: 'https://help.github.com/en/actions',
    html_url: 'https://github.com/apps/github-actions',
    created_at: '2018-07-30T09:30:17Z',
    updated_at: '2024-04-10T20:33:16Z',
    permissions: { actions: 'write', checks: 'write', contents: 'write', issues: 'write', metadata: 'read' },
    events: ['check_run', 'check_suite', 'pull_request', 'push', 'workflow_dispatch'],
  };
}

export interface RepositoryInit {
  apiUrl: string;
  owner: Json;
  name: string;
  id: number;
  defaultBranch: string;
  createdAt: string;
}

/** A `full-repository` as `GET /repos/{owner}/{repo}` answers it. */
export function repositoryObject(init: RepositoryInit): Json {
  const fullName = `${init.owner.login}/${init.name}`;
  const url = `${init.apiUrl}/repos/${fullName}`;
  const htmlUrl = `https://github.com/${fullName}`;
  return {
    id: init.id,
    node_id: nodeId('R', init.id),
    name: init.name,
    full_name: fullName,
    owner: init.owner,
    private: false,
    html_url: htmlUrl,
    description: null,
    fork: false,
    url,
    ...repositoryUrls(url),
    git_url: `git://github.com/${fullName}.git`,
    ssh_url: `git@github.com:${fullName}.git`,
    clone_url: `${htmlUrl}.git`,
    svn_url: htmlUrl,
    mirror_url: null,
    homepage: null,
    language: 'TypeScript',
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    subscribers_count: 1,
    network_count: 0,
    size: 1024,
    default_branch: init.defaultBranch,
    open_issues_count: 0,
    open_issues: 0,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: 'public',
    license: null,
    allow_forking: true,
    web_commit_signoff_required: false,
    pushed_at: init.createdAt,
    created_at: init.createdAt,
    updated_at: init.createdAt,
  };
}

function repositoryUrls(url: string): Json {
  const templated: Record<string, string> = {
    archive_url: '{archive_format}{/ref}',
    assignees_url: 'assignees{/user}',
    blobs_url: 'git/blobs{/sha}',
    branches_url: 'branches{/branch}',
    collaborators_url: 'collaborators{/collaborator}',
    comments_url: 'comments{/number}',
    commits_url: 'commits{/sha}',
    compare_url: 'compare/{base}...{head}',
    contents_url: 'contents/{+path}',
    git_commits_url: 'git/commits{/sha}',
    git_refs_url: 'git/refs{/sha}',
    git_tags_url: 'git/tags{/sha}',
    issue_comment_url: 'issues/comments{/number}',
    issue_events_url: 'issues/events{/number}',
    issues_url: 'issues{/number}',
    keys_url: 'keys{/key_id}',
    labels_url: 'labels{/name}',
    milestones_url: 'milestones{/number}',
    notifications_url: 'notifications{?since,all,participating}',
    pulls_url: 'pulls{/number}',
    releases_url: 'releases{/id}',
    statuses_url: 'statuses/{sha}',
    trees_url: 'git/trees{/sha}',
  };
  const plain = [
    'contributors',
    'deployments',
    'downloads',
    'events',
    'forks',
    'hooks',
    'languages',
    'merges',
  ];
  const more = ['stargazers', 'subscribers', 'subscription', 'tags', 'teams'];
  return {
    ...Object.fromEntries(Object.entries(templated).map(([key, path]) => [key, `${url}/${path}`])),
    ...Object.fromEntries([...plain, ...more].map((name) => [`${name}_url`, `${url}/${name}`])),
  };
}
