import { ROLES, type Role } from '../command/spec.js';
import type { GitHub } from './client.js';

export interface Repo {
  owner: string;
  repo: string;
}

/**
 * The commenter's role from `GET /repos/{o}/{r}/collaborators/{user}/permission`: `role_name`
 * (so triage and maintain count); a custom role falls back to the legacy `permission` it is built
 * on; someone GitHub does not know (404) has none.
 */
export async function commenterRole(gh: GitHub, repo: Repo, username: string): Promise<Role> {
  try {
    const { data } = await gh.rest.repos.getCollaboratorPermissionLevel({ ...repo, username });
    const role = (data as { role_name?: string }).role_name ?? '';
    if ((ROLES as readonly string[]).includes(role)) return role as Role;
    return (ROLES as readonly string[]).includes(data.permission) ? (data.permission as Role) : 'none';
  } catch (err) {
    if ((err as { status?: number }).status === 404) return 'none';
    throw err;
  }
}

/** 👀 when a command starts; 🚀 when it is done, 😕 when it failed (GitHub has no ✅ or ❌ reaction). */
export type Reaction = 'eyes' | 'rocket' | 'confused';

/** Adds a reaction to a comment; GitHub answers 200 instead of 201 when it is already there. */
export async function react(gh: GitHub, repo: Repo, commentId: number, content: Reaction): Promise<void> {
  await gh.rest.reactions.createForIssueComment({ ...repo, comment_id: commentId, content });
}

export interface PullHead {
  number: number;
  sha: string;
  /** The head branch's name and repository (`owner/name`); a fork's differs from the base's. */
  ref: string;
  repository: string | undefined;
  baseRef: string;
  sameRepository: boolean;
}

/** The pull request's head as GitHub has it now. */
export async function readPullHead(gh: GitHub, repo: Repo, number: number): Promise<PullHead> {
  const { data } = await gh.rest.pulls.get({ ...repo, pull_number: number });
  const headRepo = data.head.repo?.full_name;
  return {
    number,
    sha: data.head.sha,
    ref: data.head.ref,
    repository: headRepo,
    baseRef: data.base.ref,
    sameRepository: headRepo?.toLowerCase() === `${repo.owner}/${repo.repo}`.toLowerCase(),
  };
}
