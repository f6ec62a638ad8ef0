/**
 * What the bundles get for `undici` (tsconfig.json `paths`, which ncc follows): @actions/core
 * imports @actions/http-client, which imports undici at load time for one use only, the
 * `ProxyAgent` of `HttpClient.getAgentDispatcher` (a dispatcher for `fetch`), which nothing in
 * the action calls (__tests__/bundle-size.test.ts checks). Bundled, undici was two thirds of the
 * main bundle, parsed and run by every step. The action's own requests, through a proxy too, take
 * `HttpClient`'s node:http agents, which do not use undici.
 */
export class ProxyAgent {
  constructor() {
    throw new Error('undici is not bundled: HttpClient.getAgentDispatcher is not available');
  }
}
