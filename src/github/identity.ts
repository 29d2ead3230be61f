import type { GitHub } from './client.js';

/** The author of everything written with a workflow's GITHUB_TOKEN. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

const logins = new WeakMap<GitHub, Promise<string>>();

/**
 * The login the token writes as, asked once per client: `GET /user` for a personal access token;
 * an installation token (GITHUB_TOKEN, a GitHub App's) may not call it (403), so GraphQL's
 * `viewer` answers for it, and when that fails too it is the Actions bot, the usual case.
 */
export function tokenLogin(gh: GitHub): Promise<string> {
  let login = logins.get(gh);
  if (!login) {
    login = askLogin(gh);
    logins.set(gh, login);
  }
  return login;
}

async function askLogin(gh: GitHub): Promise<string> {
  try {
    const { data } = await gh.rest.users.getAuthenticated();
    return data.login;
  } catch (err) {
    const status = (err as { status?: number }).status;
    if (status !== 403 && status !== 401) throw err;
  }
  try {
    const data = await gh.graphql<{ viewer: { login: string } }>('query ShipkitViewer { viewer { login } }');
    return data.viewer.login;
  } catch {
    return ACTIONS_BOT_LOGIN;
  }
}

/** GitHub logins compare without regard to case. */
export function sameLogin(a: string | undefined | null, b: string): boolean {
  return typeof a === 'string' && a.toLowerCase() === b.toLowerCase();
}
