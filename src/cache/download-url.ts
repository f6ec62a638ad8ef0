import { restoreCache } from '@actions/cache';
// The package's `exports` map opens only its root, and the root does not return the signed URL
// (`lookupOnly` returns the key). A relative path is not subject to that map: Node, jest and ncc
// all resolve it to the very module file `restoreCache` itself imports, so this is the library's
// own client class, not a copy. Checked against @actions/cache 6.3.0 (see its shape test).
import { CacheServiceClientJSON } from '../../node_modules/@actions/cache/lib/generated/results/api/v1/cache.twirp-client.js';

type Lookup = CacheServiceClientJSON['GetCacheEntryDownloadURL'];

export interface DownloadLookup {
  /** The key the service matched, undefined on a miss (or a read the library refused). */
  matchedKey?: string;
  /** The signed URL of the matched entry's archive; undefined when the library did not reveal it. */
  url?: string;
}

/**
 * Looks an entry up through `restoreCache` with `lookupOnly`, so the library applies its own key
 * rules, cache-mode gate, version hash (paths and compression method) and read-denied handling,
 * while the v2 client's answer is observed on its way back to hold on to the signed URL. The v1
 * service (GHES) answers through another client: no URL, and the caller falls back.
 */
export async function lookupDownloadUrl(
  paths: string[],
  primaryKey: string,
  restoreKeys: string[]
): Promise<DownloadLookup> {
  const prototype = CacheServiceClientJSON.prototype;
  const original = prototype.GetCacheEntryDownloadURL;
  if (typeof original !== 'function') return {};
  let url: string | undefined;
  const observed: Lookup = function (this: CacheServiceClientJSON, request) {
    return original.call(this, request).then(response => {
      if (response.ok && response.signedDownloadUrl) url = response.signedDownloadUrl;
      return response;
    });
  };
  prototype.GetCacheEntryDownloadURL = observed;
  try {
    const matchedKey = await restoreCache(paths, primaryKey, restoreKeys, { lookupOnly: true });
    return { matchedKey, url: matchedKey ? url : undefined };
  } finally {
    prototype.GetCacheEntryDownloadURL = original;
  }
}
