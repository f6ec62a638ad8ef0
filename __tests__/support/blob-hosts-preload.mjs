// Test-only preload (NODE_OPTIONS=--import=<this file>), never part of the bundles: resolves the
// production blob host names, *.blob.core.windows.net, to loopback, where Azurite listens, so
// @actions/cache takes its Azure SDK path. Every other name is resolved as usual.
import dns from 'node:dns';

const resolveNormally = dns.lookup;
const isBlobHost = hostname =>
  typeof hostname === 'string' && hostname.toLowerCase().endsWith('.blob.core.windows.net');

dns.lookup = function lookup(hostname, options, callback) {
  if (typeof options === 'function') return lookup.call(this, hostname, {}, options);
  if (!isBlobHost(hostname)) return resolveNormally.call(this, hostname, options, callback);
  const all = typeof options === 'object' && options !== null && options.all;
  process.nextTick(() =>
    all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4)
  );
  return {};
};
