// The bench's command line: its help text and its options, each validated.
import { existsSync, statSync } from 'node:fs';
import {
  nonNegativeNumber,
  oneOf,
  parseOptions,
  type OptionValues,
  parseOrExit,
  UsageError,
  wholeNumber
} from '../demo/command-line.js';
import { PRESETS } from './workload.js';

const presetLines = Object.entries(PRESETS)
  .map(
    ([name, p]) =>
      `                          ${name.padEnd(8)} ${p.commits} commits, ${p.textFiles} text files, ${p.assets} binary assets`
  )
  .join('\n');

const HELP = `Usage: npm run bench -- [options]

Times the action's committed bundles against plain clones of the same origin (a full clone,
actions/checkout's depth-1 fetch, a blob-less clone, a clone with --reference) and against floors
(tar alone on the same archive, @actions/cache's restore alone, git worktree add), on a generated
repository served by a loopback git server and a loopback cache service. Every method runs once
per round, interleaved. Prints the table and writes it to <out>/bench.md, with every sample and
the medians of the action's phases in <out>/bench.json.

Options:
  --preset <name>         the generated repository (default small):
${presetLines}
  --runs <n>              counted rounds (default 5)
  --warmup <n>            rounds run first and not counted (default 1)
  --stale <n>             commits the stale entry is behind origin's tip (default 50)
  --mbytes-per-sec <n>[,<n>...]
                          bandwidth of the git server and the cache service in MB/s;
                          0 is unlimited (default 0). With a list (0,90), every round runs
                          every method at each bandwidth in turn, and the table has a row
                          per method and bandwidth, ratios taken within one bandwidth; the
                          warm entries are prepared without a limit; each is a link of its own
  --git-request-ms <n>    milliseconds the git server holds every request before serving it
                          (a round trip to a distant server; default 0)
  --cache-path <path>     how archives travel between the action and the cache service:
                          blob-store  github.com's path: SAS URLs on *.blob.core.windows.net,
                                      served by Azurite (the Azure Storage emulator); the
                                      action streams them, the restore-alone floor takes
                                      @actions/cache's Azure SDK code (default)
                          blob-store-plain-get  the same Azurite on a 127.0.0.1 URL, which
                                      the library downloads with one plain GET (the path's
                                      cost, apart from the store's)
                          plain       GHES's and other servers': one plain GET or PUT of the
                                      loopback cache service's own URL
  --lfs-mbytes <n>        MB of Git LFS assets on origin's tip (default 0: none); the action
                          runs with lfs: true, and a row times actions/checkout's lfs: true
                          (depth 1, every LFS object downloaded)
  --lfs-mbytes-per-sec <n>  bandwidth of the LFS server in MB/s, a link of its own apart from
                          the git server's and the cache's (default: --mbytes-per-sec's value)
  --lfs-request-ms <n>    milliseconds the LFS server holds every request (the batch call and
                          each object's download) before serving it: a per-object cost
                          (default 0)
  --submodules            give origin's tip three submodules (libs/ui, libs/core, and
                          libs/core/deps/vendor nested in core) of generated histories; the
                          action runs with submodules: recursive, the actions/checkout rows
                          run checkout's submodule update (depth 1, recursive), and the
                          cache-dir rows, which do not serve submodules yet, are left out
  --out <dir>             where bench.md and bench.json are written (default bench-results)
  --only <regex>          run only the methods whose name matches, plus the full clone and the
                          floors that the ratios need
  --sparse <percent>      also run the warm hosted job with a cone-mode sparse checkout of
                          directories holding about this share of the files (1 to 100; 0, the
                          default, leaves the method out)
  -h, --help              show this text

Environment:
  BENCH_REPO=<path>       benchmark a local repository of your own instead of a generated one
                          (--preset is then ignored); it is mirrored, and its HEAD becomes main

Example: npm run bench -- --preset large --runs 5 --warmup 1 --stale 50
         npm run bench -- --preset large --submodules --lfs-mbytes 200 --mbytes-per-sec 90 \
           --lfs-mbytes-per-sec 30 --lfs-request-ms 50 --only 'lfs|warm hosted cache$'
`;

/** --mbytes-per-sec: one bandwidth or a comma-separated list of different ones, in MB/s. */
function bandwidthList(parsed: OptionValues): number[] {
  const list = String(parsed['mbytes-per-sec'])
    .split(',')
    .map(text => nonNegativeNumber({ 'mbytes-per-sec': text }, 'mbytes-per-sec'));
  if (new Set(list).size !== list.length) {
    throw new UsageError(`--mbytes-per-sec lists a bandwidth twice: '${parsed['mbytes-per-sec']}'`);
  }
  return list;
}

/** The bench's options from its command line; a mistake ends the process (one line, exit 2). */
export function readBenchOptions(argv: string[]) {
  return parseOrExit('bench', () =>
    parseOptions(
      {
        preset: { type: 'string', default: 'small' },
        runs: { type: 'string', default: '5' },
        warmup: { type: 'string', default: '1' },
        stale: { type: 'string', default: '50' },
        'mbytes-per-sec': { type: 'string', default: '0' },
        'cache-path': { type: 'string', default: 'blob-store' },
        'lfs-mbytes': { type: 'string', default: '0' },
        'lfs-mbytes-per-sec': { type: 'string' },
        'lfs-request-ms': { type: 'string', default: '0' },
        'git-request-ms': { type: 'string', default: '0' },
        submodules: { type: 'boolean', default: false },
        out: { type: 'string', default: 'bench-results' },
        only: { type: 'string' },
        sparse: { type: 'string', default: '0' }
      },
      HELP,
      argv,
      parsed => {
        const benchRepo = process.env.BENCH_REPO;
        if (benchRepo !== undefined && !existsSync(benchRepo)) {
          throw new UsageError(`BENCH_REPO=${benchRepo} does not exist`);
        }
        const out = String(parsed.out);
        if (existsSync(out) && !statSync(out).isDirectory()) {
          throw new UsageError(`--out ${out} is a file, not a folder`);
        }
        let only: RegExp | undefined;
        try {
          only = parsed.only === undefined ? undefined : new RegExp(String(parsed.only));
        } catch {
          throw new UsageError(`--only takes a regular expression, not '${parsed.only}'`);
        }
        return {
          preset: oneOf(parsed, 'preset', Object.keys(PRESETS)),
          runs: wholeNumber(parsed, 'runs', 1, 1000),
          warmup: wholeNumber(parsed, 'warmup', 0, 1000),
          stale: wholeNumber(parsed, 'stale', 0, 100_000),
          mbytesPerSec: bandwidthList(parsed),
          cachePath: oneOf(parsed, 'cache-path', ['blob-store', 'blob-store-plain-get', 'plain']),
          lfsMbytes: nonNegativeNumber(parsed, 'lfs-mbytes'),
          /** Undefined: the LFS link runs at each of --mbytes-per-sec's bandwidths in turn. */
          lfsMbytesPerSec:
            parsed['lfs-mbytes-per-sec'] === undefined
              ? undefined
              : nonNegativeNumber(parsed, 'lfs-mbytes-per-sec'),
          lfsRequestMs: wholeNumber(parsed, 'lfs-request-ms', 0, 60_000),
          gitRequestMs: wholeNumber(parsed, 'git-request-ms', 0, 60_000),
          submodules: parsed.submodules === true,
          out,
          only,
          sparsePercent: wholeNumber(parsed, 'sparse', 0, 100)
        };
      }
    )
  );
}

/**
 * The links' settings, for the report: as before these options (`90 MB/s`, `unlimited`) when the
 * git server and the LFS server have no latency and LFS has no rate of its own.
 */
export function describeLinks(
  options: ReturnType<typeof readBenchOptions>,
  mbytesPerSec: number,
  withLfs: boolean
): string {
  const rate = (mbytes: number) => (mbytes ? `${mbytes} MB/s` : 'unlimited');
  const latency = (ms: number) => (ms ? ` + ${ms} ms a request` : '');
  const shared = rate(mbytesPerSec);
  const lfsRate = options.lfsMbytesPerSec ?? mbytesPerSec;
  const lfsOwn = withLfs && (lfsRate !== mbytesPerSec || options.lfsRequestMs > 0);
  if (!lfsOwn && !options.gitRequestMs) return shared;
  const parts = [
    `cache ${shared}`,
    `git ${shared}${latency(options.gitRequestMs)}`,
    ...(withLfs ? [`LFS ${rate(lfsRate)}${latency(options.lfsRequestMs)}`] : [])
  ];
  return parts.join(', ');
}
