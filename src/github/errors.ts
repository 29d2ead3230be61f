// Kept apart from client.ts so that checking an error does not load @actions/github.

/** A write refused because the token may only read (a fork's pull request): GitHub's own answer. */
export function isReadOnlyTokenError(err: unknown): boolean {
  const e = err as { status?: number; message?: string };
  return (
    e?.status === 403 &&
    /Resource not accessible by (integration|personal access token)/i.test(e.message ?? '')
  );
}
