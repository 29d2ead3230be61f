// How shipkit's requests reach GitHub, shared by the client (client.ts) and the one request made
// before any client library loads (the command action's permission request, command-calls.ts).

/** The proxy variables @actions/http-client reads; with none set it sends requests directly. */
const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];

/** Node's fetch, or @actions/github's proxy-aware one (loaded on the first request) behind a proxy. */
export function gitHubFetch(): typeof fetch {
  if (!PROXY_VARIABLES.some((name) => process.env[name])) return (url, init) => globalThis.fetch(url, init);
  let proxied: Promise<typeof fetch> | undefined;
  return async (url, init) => {
    proxied ??= import('@actions/github/lib/utils').then(
      (m) => (m.defaults.request?.fetch as typeof fetch | undefined) ?? globalThis.fetch,
    );
    return (await proxied)(url, init);
  };
}

/** `shipkit`, tagged with the run's orchestration id as @actions/github tags its user agent. */
export function userAgent(): string {
  const id = process.env.ACTIONS_ORCHESTRATION_ID?.trim();
  return id ? `shipkit actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')}` : 'shipkit';
}
