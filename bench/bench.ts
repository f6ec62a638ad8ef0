// Measures the action against plain clones: see HELP below, or `npm run bench -- --help`.
//
// Every method runs in every round, interleaved (A B C ... A B C ...), in a fresh directory;
// the first --warmup rounds are not counted. Origin is served by `git http-backend` over loopback
// HTTP and the cache by the loopback cache service, optionally at a limited bandwidth; its archives
// travel through Azurite on github.com's path unless --cache-path plain.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startBlobStore, type BlobStore } from '../__tests__/support/blob-store.js';
import { startCacheServer } from '../__tests__/support/cache-server.js';
import { startGitServer } from '../__tests__/support/git-server.js';
import { pathToFileURL } from 'node:url';
import { STAGING_RELATIVE } from '../src/cache/backend.js';
import {
  bundlePath,
  createJob,
  ROOT,
  parseRunnerFile,
  stepEnv,
  type Job
} from '../__tests__/support/runner.js';
import { measure, type Measurement } from './measure.js';
import { addLfsAssets, CHECKOUT_LFS_SCRIPT } from './lfs-workload.js';
import {
  addSubmoduleRepos,
  CHECKOUT_SUBMODULES_SCRIPT,
  SUBMODULE_PATHS
} from './submodule-workload.js';
import { describeLinks, readBenchOptions } from './options.js';
import { renderTargets } from './targets.js';
import {
  addCommits,
  bareName,
  generateRepository,
  PRESETS,
  repoSizeBytes,
  sparseDirectories
} from './workload.js';
import {
  describeMachine,
  renderMarkdown,
  summarize,
  type MethodLabel,
  type MethodResult,
  type Sample
} from './report.js';

const values = readBenchOptions(process.argv.slice(2));
const runs = values.runs;
// --only <regex>: run just the matching methods (plus the full clone and the floors, which the
// ratios need), e.g. to look into one of them.
const only = values.only;
const selected = (method: { name: string }) =>
  !only || only.test(method.name) || method.name === FULL_CLONE || method.name.startsWith('floor:');
const warmup = values.warmup;
const stale = values.stale;
const bandwidths = values.mbytesPerSec;
// The first method: the ratios' baseline.
const FULL_CLONE = 'actions/checkout fetch-depth: 0 (full clone)';
const TOKEN = 'bench-token';
const AUTH = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`;

const root = mkdtempSync(path.join(os.tmpdir(), 'clone-cache-bench-'));
let blobStore: BlobStore | undefined;
const log = (line: string) => process.stderr.write(`${line}\n`);

async function prepareOrigin(): Promise<string> {
  // Returns the bare repository that origin serves.
  const bare = bareName(path.join(root, 'origin'));
  if (process.env.BENCH_REPO) {
    log(`Mirroring ${process.env.BENCH_REPO}...`);
    execFileSync('git', ['clone', '--quiet', '--mirror', process.env.BENCH_REPO, bare]);
    execFileSync('git', ['-C', bare, 'config', 'uploadpack.allowFilter', 'true']);
    execFileSync('git', ['-C', bare, 'config', 'uploadpack.allowAnySHA1InWant', 'true']);
    const head = execFileSync('git', ['-C', bare, 'symbolic-ref', '--short', 'HEAD'])
      .toString()
      .trim();
    if (head !== 'main') execFileSync('git', ['-C', bare, 'branch', '-m', head, 'main']);
    execFileSync('git', ['-C', bare, 'symbolic-ref', 'HEAD', 'refs/heads/main']);
    return bare;
  }
  const preset = PRESETS[values.preset];
  log(`Generating the ${values.preset} repository (${preset.commits} commits)...`);
  await generateRepository(bare, preset);
  if (values.submodules) {
    log('Generating the submodules...');
    await addSubmoduleRepos(bare);
  }
  return bare;
}

const gitEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  GIT_TERMINAL_PROMPT: '0',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_COUNT: '1',
  GIT_CONFIG_KEY_0: 'http.extraheader',
  GIT_CONFIG_VALUE_0: AUTH,
  ...extra
});

async function main(): Promise<void> {
  // A git-lfs set up globally would download LFS files in the rows and floors that do not ask
  // for them (the action sets this for its own git commands).
  process.env.GIT_LFS_SKIP_SMUDGE = '1';
  const bare = await prepareOrigin();
  const git = await startGitServer(path.join(root, 'origin'), TOKEN);
  if (values.cachePath !== 'plain') blobStore = await startBlobStore();
  const cache = await startCacheServer(path.join(root, 'cache-storage'), undefined, {
    blobStore,
    blobHost: values.cachePath === 'blob-store' ? 'production' : '127.0.0.1'
  });
  git.delayMs = values.gitRequestMs;
  // With LFS assets, every job of the action runs with lfs: true (the entries hold the objects).
  const lfsLink = {
    bandwidth: { bytesPerSecond: 0 },
    requestMs: values.lfsRequestMs
  };
  // The warm entries are prepared without a limit; each bandwidth is set before its methods run.
  const setBandwidth = (mbytes: number) => {
    git.bandwidth.bytesPerSecond = mbytes * 1_000_000;
    cache.bandwidth.bytesPerSecond = mbytes * 1_000_000;
    lfsLink.bandwidth.bytesPerSecond = (values.lfsMbytesPerSec ?? mbytes) * 1_000_000;
  };
  const lfs =
    values.lfsMbytes > 0
      ? addLfsAssets(bare, git, TOKEN, values.lfsMbytes, path.join(root, 'lfs-store'), lfsLink)
      : undefined;
  const submodules = values.submodules;
  const lfsInput: Record<string, string> = {
    ...(lfs ? { lfs: 'true' } : {}),
    ...(submodules ? { submodules: 'recursive' } : {})
  };
  const url = `${git.url}/acme/widgets`;
  const hostDir = path.join(root, 'host-cache');
  let jobs = 0;
  const newJob = () =>
    createJob(path.join(root, 'jobs', `job${++jobs}`), {
      repository: 'acme/widgets',
      cacheUrl: cache.url
    });

  const step = async (which: 'main' | 'post', job: Job, inputs: Record<string, string>) => {
    const env = stepEnv(which, job, {
      inputs: { 'origin-url': url, ...lfsInput, ...inputs },
      token: TOKEN
    });
    return measure(process.execPath, [bundlePath(which)], { cwd: job.workspace, env });
  };

  // Method 9's entry is saved K commits behind the tip; every other entry at the tip.
  log('Preparing the warm caches...');
  const staleJob = newJob();
  await step('main', staleJob, { 'cache-key': 'bench-stale', 'save-cache': 'always' });
  await step('post', staleJob, {});
  const tip =
    stale > 0
      ? addCommits(bare, stale)
      : execFileSync('git', ['-C', bare, 'rev-parse', 'main']).toString().trim();
  const warmJob = newJob();
  await step('main', warmJob, { 'cache-key': 'bench-warm' });
  await step('post', warmJob, {});
  const warmEntry = [...cache.entries.values()].find(e => e.key === `bench-warm-${tip}`);
  if (!warmEntry) throw new Error('the warm entry was not saved');
  // The same tip as a blobless entry (filter: blob:none), and what its post step's save took.
  const bloblessJob = newJob();
  // Not bench-warm-blobless: bench-warm- would restore it by prefix, and ignore it.
  const blobless = { 'cache-key': 'bench-blobless', filter: 'blob:none' };
  await step('main', bloblessJob, blobless);
  const bloblessSave = await step('post', bloblessJob, blobless);
  const bloblessEntry = [...cache.entries.values()].find(e => e.key === `bench-blobless-${tip}`);
  if (!bloblessEntry) throw new Error('the blobless entry was not saved');
  log(
    `Blobless entry: ${bloblessEntry.size} bytes, saved in ${(bloblessSave.ms / 1000).toFixed(2)} s`
  );
  // cache-dir does not serve submodules yet: its rows are left out with them.
  if (!submodules) {
    await step('main', newJob(), {
      'cache-dir': hostDir,
      branch: 'main',
      'remove-worktree': 'true'
    });
  }
  const mirror = path.join(root, 'mirror.git');
  execFileSync('git', ['clone', '--quiet', '--mirror', bare, mirror]);
  const localClone = path.join(root, 'local-clone');
  execFileSync('git', ['clone', '--quiet', bare, localClone]);
  const head = (job: Job) => parseRunnerFile(job.files.output).commit;
  const sparse = values.sparsePercent ? sparseDirectories(bare, values.sparsePercent) : undefined;
  const sparseShare = sparse
    ? `${sparse.files} of ${sparse.total} files, ${((100 * sparse.files) / sparse.total).toFixed(1)}%`
    : '';
  if (sparse) log(`Sparse checkout of ${sparse.patterns.join(', ')} (${sparseShare}).`);
  /** The files a job's checkout wrote (its .git and its submodules aside). */
  const filesIn = (dir: string) =>
    readdirSync(dir, { recursive: true, withFileTypes: true }).filter(
      entry =>
        !entry.isDirectory() &&
        !/^\.git($|\/)/.test(path.relative(dir, path.join(entry.parentPath, entry.name))) &&
        !SUBMODULE_PATHS.some(sub =>
          path.join(entry.parentPath, entry.name).startsWith(path.join(dir, sub, path.sep))
        )
    ).length;

  const scratch = () => mkdtempSync(path.join(root, 'run-'));
  type Method = MethodLabel & { run(): Promise<Sample> };
  // How each row's history travels, for the table: the hosted cache's path, or none at all.
  const hosted = values.cachePath;
  const gitOnly = { cachePath: 'none (git fetch)', entry: 'none' };
  /** Every submodule, nested ones too, checked out (its files written) in the clone at `dir`. */
  const expectSubmodules = (dir: string) => {
    for (const sub of SUBMODULE_PATHS) {
      if (!existsSync(path.join(dir, sub, 'src'))) throw new Error(`${sub} is not checked out`);
    }
  };
  const actionRun = async (inputs: Record<string, string>, after?: (job: Job) => Promise<void>) => {
    const job = newJob();
    const m = await step('main', job, inputs);
    if (head(job) !== tip) throw new Error(`action checked out ${head(job)}, expected ${tip}`);
    if (submodules) expectSubmodules(job.workspace);
    const peak = /Peak memory of the action process: (\d+) MiB/.exec(m.stdout);
    const summary = readFileSync(job.files.summary, 'utf8');
    const phases = [
      ...summary.matchAll(
        /<td>(Restore|Seed|Clone init|Fetch|Verify|Checkout|Worktree) \(s\)<\/td><td>([\d.]+)<\/td>/g
      )
    ];
    const inPhases = phases.reduce((sum, match) => sum + Number(match[2]) * 1000, 0);
    if (after) await after(job);
    return {
      ...m,
      actionRssMiB: peak ? Number(peak[1]) : undefined,
      overheadMs: m.ms - inPhases,
      phasesMs: Object.fromEntries(phases.map(match => [match[1], Number(match[2]) * 1000]))
    };
  };
  let coldSeq = 0;
  let coldPost: Measurement | undefined;
  const allMethods: Method[] = [
    {
      // What actions/checkout runs for fetch-depth: 0: every branch and tag, then a checkout.
      name: FULL_CLONE,
      floor: 'tar',
      ...gitOnly,
      run: async () => {
        const dir = path.join(scratch(), 'c');
        const script = `git init -q "$1" && cd "$1" && git remote add origin "$2" && git fetch -q --prune --no-recurse-submodules origin '+refs/heads/*:refs/remotes/origin/*' '+refs/tags/*:refs/tags/*' && git checkout -q --force -B main refs/remotes/origin/main`;
        return measure('sh', ['-c', script, 'sh', dir, url], { env: gitEnv() });
      }
    },
    {
      name: 'actions/checkout default (fetch --depth=1)',
      floor: 'tar',
      ...gitOnly,
      run: async () => {
        const dir = path.join(scratch(), 'c');
        const script = `git init -q "$1" && cd "$1" && git remote add origin "$2" && git fetch -q --no-tags --prune --no-recurse-submodules --depth=1 origin "$3" && git checkout -q --force "$3"`;
        return measure('sh', ['-c', script, 'sh', dir, url, tip], { env: gitEnv() });
      }
    },
    ...(lfs || submodules
      ? [
          {
            name: `actions/checkout ${[lfs ? 'lfs: true' : '', submodules ? 'submodules: recursive' : ''].filter(Boolean).join(', ')} (depth 1${lfs ? ', LFS fetch' : ''})`,
            floor: 'tar' as const,
            ...gitOnly,
            run: async () => {
              const dir = path.join(scratch(), 'c');
              const script = lfs
                ? CHECKOUT_LFS_SCRIPT
                : 'git init -q "$1" && cd "$1" && git remote add origin "$2" && git fetch -q --no-tags --prune --no-recurse-submodules --depth=1 origin "$3" && git checkout -q --force "$3"';
              const m = await measure(
                'sh',
                [
                  '-c',
                  submodules ? `${script} && ${CHECKOUT_SUBMODULES_SCRIPT}` : script,
                  'sh',
                  dir,
                  url,
                  tip
                ],
                { env: gitEnv({ GIT_LFS_SKIP_SMUDGE: '0' }) }
              );
              if (submodules) expectSubmodules(dir);
              return m;
            }
          }
        ]
      : []),
    {
      name: 'git clone --filter=blob:none',
      floor: 'tar',
      cachePath: gitOnly.cachePath,
      entry: 'none (blob:none clone)',
      run: () =>
        measure('git', ['clone', '--quiet', '--filter=blob:none', url, path.join(scratch(), 'c')], {
          env: gitEnv()
        })
    },
    {
      name: 'git clone --reference --dissociate',
      floor: 'tar',
      cachePath: 'local mirror',
      entry: 'full',
      run: () =>
        measure(
          'git',
          [
            'clone',
            '--quiet',
            '--reference',
            mirror,
            '--dissociate',
            url,
            path.join(scratch(), 'c')
          ],
          { env: gitEnv() }
        )
    },
    {
      name: 'action, cold (miss: clone)',
      floor: 'tar',
      cachePath: hosted,
      entry: 'none (miss)',
      run: () =>
        actionRun({ 'cache-key': `bench-cold-${++coldSeq}` }, async job => {
          coldPost = await step('post', job, {});
        })
    },
    {
      name: 'action, warm hosted cache',
      floor: 'tar',
      cachePath: hosted,
      entry: 'full',
      run: () => actionRun({ 'cache-key': 'bench-warm' })
    },
    ...(sparse
      ? [
          {
            name: `action, warm hosted cache, sparse (${sparseShare})`,
            floor: 'tar' as const,
            cachePath: hosted,
            entry: 'full',
            run: () =>
              actionRun(
                { 'cache-key': 'bench-warm', 'sparse-checkout': sparse.patterns.join('\n') },
                async job => {
                  const written = filesIn(job.workspace);
                  if (written !== sparse.files) {
                    throw new Error(`the sparse job wrote ${written} files, not ${sparse.files}`);
                  }
                }
              )
          }
        ]
      : []),
    {
      name: 'action, warm hosted, blob:none entry',
      floor: 'tar',
      cachePath: hosted,
      entry: 'blob:none',
      run: () => actionRun(blobless)
    },
    {
      name: 'action, warm cache-dir, seeded path',
      floor: 'tar',
      cachePath: 'cache-dir (host clone)',
      entry: 'full',
      run: () => actionRun({ 'cache-dir': hostDir })
    },
    {
      name: 'action, warm cache-dir, task worktree',
      floor: 'worktree',
      cachePath: 'cache-dir (host clone)',
      entry: 'full',
      run: () =>
        actionRun({ 'cache-dir': hostDir, branch: 'main' }, async job => {
          await step('post', job, {});
        })
    },
    {
      name: `action, warm hosted, entry ${stale} commits stale`,
      floor: 'tar',
      cachePath: hosted,
      entry: 'full',
      run: () => actionRun({ 'cache-key': 'bench-stale' })
    },
    {
      name: 'floor: tar extract of the same archive',
      floor: '',
      cachePath: 'local file',
      entry: 'full',
      run: async () => {
        const dir = scratch();
        const zstd = readFileSync(warmEntry.file)
          .subarray(0, 4)
          .equals(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]));
        return measure('tar', [
          '-xf',
          warmEntry.file,
          zstd ? '--use-compress-program=unzstd' : '-z',
          '-C',
          dir
        ]);
      }
    },
    {
      // What @actions/cache itself costs for the same entry (it downloads to a file, then
      // extracts): the part of the hosted restore that the action does not control. Only the
      // restoreCache call is timed, not Node's start or the library's loading.
      name: 'floor: @actions/cache restore alone',
      floor: '',
      // On the blob-store path the library downloads with the Azure SDK; elsewhere one plain GET.
      cachePath: hosted === 'blob-store' ? 'blob-store (Azure SDK)' : `${hosted} (one GET)`,
      entry: 'full',
      run: async () => {
        const dir = scratch();
        const job = newJob();
        const library = pathToFileURL(
          path.join(ROOT, 'node_modules', '@actions', 'cache', 'lib', 'cache.js')
        ).href;
        const script = [
          `const cache = await import(${JSON.stringify(library)});`,
          'const started = performance.now();',
          `const key = await cache.restoreCache([${JSON.stringify(STAGING_RELATIVE)}], ${JSON.stringify(warmEntry.key)});`,
          `if (key !== ${JSON.stringify(warmEntry.key)}) throw new Error('no cache hit: ' + key);`,
          "process.stderr.write('@@restore ' + (performance.now() - started) + '\\n');"
        ].join('\n');
        const m = await measure(process.execPath, ['--input-type=module', '-e', script], {
          cwd: dir,
          env: { ...job.env, GITHUB_WORKSPACE: dir }
        });
        const restore = /@@restore ([\d.]+)/.exec(m.stderr);
        if (!restore) throw new Error(`the restore did not report its time: ${m.stderr}`);
        return { ...m, ms: Number(restore[1]) };
      }
    },
    {
      name: 'floor: git worktree add from a local clone',
      floor: '',
      cachePath: 'local clone',
      entry: 'full',
      run: async () => {
        const dir = path.join(scratch(), 'wt');
        // With the checkout settings the action uses, so the floor is git's best, not its default.
        const m = await measure('git', [
          '-c',
          'checkout.workers=0',
          '-c',
          'core.deltaBaseCacheLimit=256m',
          '-C',
          localClone,
          'worktree',
          'add',
          '--quiet',
          '--detach',
          dir,
          tip
        ]);
        execFileSync('git', ['-C', localClone, 'worktree', 'remove', '--force', dir]);
        return m;
      }
    }
  ];

  const methods = allMethods.filter(method => !(submodules && method.name.includes('cache-dir')));
  // Per bandwidth: each method's samples, and the cold runs' post steps.
  const samples = bandwidths.map(() => new Map<string, Sample[]>());
  const coldPosts = bandwidths.map((): Measurement[] => []);
  const plan = bandwidths.flatMap((mbytes, b) =>
    methods.filter(selected).map(method => ({ method, mbytes, b }))
  );
  for (let round = 0; round < warmup + runs; round++) {
    for (const { method, mbytes, b } of plan) {
      setBandwidth(mbytes);
      const result = await method.run();
      if (round >= warmup) {
        samples[b].set(method.name, [...(samples[b].get(method.name) ?? []), result]);
        if (method.name.startsWith('action, cold') && coldPost) coldPosts[b].push(coldPost);
      }
      for (const entry of await import('node:fs/promises').then(fs => fs.readdir(root))) {
        if (entry.startsWith('run-'))
          rmSync(path.join(root, entry), { recursive: true, force: true });
      }
      rmSync(path.join(root, 'jobs'), { recursive: true, force: true });
    }
    log(`round ${round + 1}/${warmup + runs}${round < warmup ? ' (warm-up)' : ''} done`);
  }

  const results: MethodResult[] = bandwidths.flatMap((mbytes, b) =>
    summarize(
      methods.filter(selected),
      samples[b],
      coldPosts[b],
      describeLinks(values, mbytes, lfs !== undefined)
    )
  );
  const machine = describeMachine();
  const workload = {
    preset: process.env.BENCH_REPO ? `BENCH_REPO=${process.env.BENCH_REPO}` : values.preset,
    packBytes: repoSizeBytes(bare),
    archiveBytes: warmEntry.size,
    bloblessArchiveBytes: bloblessEntry.size,
    bloblessSaveMs: Math.round(bloblessSave.ms),
    staleCommits: stale,
    sparse: sparse ? `${sparse.patterns.join(', ')} (${sparseShare})` : undefined,
    bandwidth: bandwidths
      .map(mbytes => describeLinks(values, mbytes, lfs !== undefined))
      .join(' and '),
    cachePath: values.cachePath,
    lfsMbytes: values.lfsMbytes,
    submodules: submodules ? SUBMODULE_PATHS.join(', ') : undefined,
    runs,
    warmup
  };
  mkdirSync(values.out, { recursive: true });
  const markdown = renderMarkdown(results, machine, workload);
  const written = {
    md: path.join(values.out, 'bench.md'),
    json: path.join(values.out, 'bench.json')
  };
  writeFileSync(written.md, markdown);
  // The project's targets judged on this run (README, Performance: Targets).
  writeFileSync(path.join(values.out, 'targets.md'), renderTargets(results));
  writeFileSync(written.json, JSON.stringify({ machine, workload, results }, null, 2));
  process.stdout.write(markdown);
  log(`Wrote ${path.resolve(written.md)} and ${path.resolve(written.json)}.`);
  await git.close();
  await cache.close();
}

main()
  .catch(error => {
    process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await blobStore?.stop();
    rmSync(root, { recursive: true, force: true });
    // The loopback servers keep the event loop alive.
    process.exit();
  });
