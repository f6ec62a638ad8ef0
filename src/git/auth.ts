import type { ConfigEntry } from './exec.js';

/** The URL prefix an auth header is scoped to: scheme://host[:port]/ of the origin. */
export function authScope(originUrl: string): string | undefined {
  if (!/^https?:\/\//i.test(originUrl)) return undefined;
  const url = new URL(originUrl);
  return `${url.protocol}//${url.host}/`;
}

export function authHeaderKey(originUrl: string): string | undefined {
  const scope = authScope(originUrl);
  return scope ? `http.${scope}.extraheader` : undefined;
}

export function basicAuthValue(token: string): string {
  return `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64')}`;
}

/**
 * Config that authenticates fetches to origin; empty when there is no token or no http origin.
 * The empty value first clears any header the clone's own config holds (actions/checkout's
 * persisted one, say), so the server gets exactly one, and the clone's config is left alone.
 */
export function authConfig(originUrl: string, token: string): ConfigEntry[] {
  const key = authHeaderKey(originUrl);
  if (!token || !key) return [];
  return [
    { key, value: '' },
    { key, value: basicAuthValue(token) }
  ];
}
