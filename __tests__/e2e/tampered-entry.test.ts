import { afterEach, describe, expect, test } from '@jest/globals';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync
} from 'node:fs';
import * as path from 'node:path';
import { unpackEntry } from '../support/archive.js';
import { mainOnCraftedEntry } from '../support/crafted-entry.js';
import { expectFallback, expectFilesOf, expectWorktreeAt } from '../support/expectations.js';
import { AUTH_HEADER, startFixture, type Fixture } from '../support/fixture.js';
import { gitAsync, gitSync } from '../support/git.js';
import { plantedProgram } from '../support/planted.js';
import { looseObjectsOnly, substituteBlob } from '../support/poison.js';
import { addCommits, revParse } from '../support/repos.js';
import type { StepResult } from '../support/runner.js';

let fx: Fixture;
afterEach(async () => fx?.close());

const keyOf = (commit: string) => `clone-cache-Linux-acme-widgets-${commit}`;
const MiB = 1024 * 1024;

/** git run on an entry's git directory (no work tree). */
const gitIn = (gitDir: string, args: string[], input?: string) =>
  gitSync(gitDir, [`--git-dir=${gitDir}`, ...args], input);

/** The blob ids of a commit's files, by path. */
function blobsOf(repo: string, commit: string): Map<string, string> {
  return new Map(
    gitSync(repo, ['ls-tree', '-r', commit])
      .split('\n')
      .map(line => {
        const [meta, file] = line.split('\t');
        return [file, meta.split(' ')[2]];
      })
  );
}

const sanitizedWarning = (result: StepResult) =>
  result.annotations.filter(a => a.title === 'Clone cache sanitized').map(a => a.message);

describe('finding 1: object substitution', () => {
  test('a loose blob of the tip holding other content: the entry is refused, and the entry saved afterwards is clean', async () => {
    fx = await startFixture({ commits: 8 });
    const reference = await fx.saveEntry();
    fx.cache.entries.clear();
    const tip = revParse(fx.origin, 'main');
    const [file, blob] = [...blobsOf(fx.origin, tip)][0];
    const { job, main } = await mainOnCraftedEntry(fx, reference, { job: 'poisoned' }, gitDir => {
      looseObjectsOnly(gitDir);
      substituteBlob(gitDir, blob, 'evil content under a legitimate id\n');
    });
    expect(readFileSync(path.join(job.workspace, file), 'utf8')).not.toContain('evil');
    expectFilesOf(job.workspace, fx.origin, tip);
    expectFallback(
      fx,
      main,
      job,
      /^cache entry refused: the object [0-9a-f]{40} does not match its content/
    );
    const refused = main.annotations.filter(a => a.title === 'Clone cache not used');
    expect(refused).toHaveLength(1);
    expect(refused[0].message).toContain(blob);

    // save-cache auto saves after a fallback: the entry it saves comes from the full clone.
    expect((await fx.post(job)).exitCode).toBe(0);
    expect(fx.cache.entries.get(`${keyOf(tip)}@${reference.version}`)?.finalized).toBe(true);
    const next = fx.newJob('next');
    const warm = await fx.main(next, { env: { GITHUB_SHA: tip } });
    expect(warm.exitCode).toBe(0);
    expect(warm.outputs).toMatchObject({ seeded: 'true', 'cache-matched-key': keyOf(tip) });
    expect(warm.annotations).toEqual([]);
    expectFilesOf(next.workspace, fx.origin, tip);
  });

  test("a blob only the task branch has: the task worktree's commit is verified too", async () => {
    fx = await startFixture({ commits: 8 });
    const feature = addCommits(fx.origin, 'feature', { commits: 2, seed: 'feature' }, 'main');
    const reference = await fx.saveEntry();
    fx.cache.entries.clear();
    const inMain = new Set(blobsOf(fx.origin, 'main').values());
    const [file, blob] = [...blobsOf(fx.origin, feature)].find(([, id]) => !inMain.has(id))!;
    const { main } = await mainOnCraftedEntry(
      fx,
      reference,
      { job: 'matrix', run: { inputs: { branch: 'feature' } } },
      gitDir => {
        looseObjectsOnly(gitDir);
        substituteBlob(gitDir, blob, 'evil content on the branch only\n');
      }
    );
    const worktree = expectWorktreeAt(main, feature, 'feature');
    expect(readFileSync(path.join(worktree, file), 'utf8')).not.toContain('evil');
    expectFilesOf(worktree, fx.origin, feature);
    expect(main.outputs['fallback-reason']).toMatch(
      new RegExp(`^cache entry refused: the object ${blob} does not match its content`)
    );
  });

  test('a tree git cannot read (corrupt zlib) refuses the entry: a full clone, not a failed job', async () => {
    fx = await startFixture({ commits: 8 });
    const reference = await fx.saveEntry();
    fx.cache.entries.clear();
    const tip = revParse(fx.origin, 'main');
    const tree = gitSync(fx.origin, ['ls-tree', '-r', '-t', tip])
      .split('\n')
      .map(line => line.split(/\s/))
      .find(([, type]) => type === 'tree')![2];
    const { job, main } = await mainOnCraftedEntry(fx, reference, { job: 'corrupt' }, gitDir => {
      looseObjectsOnly(gitDir);
      const file = path.join(gitDir, 'objects', tree.slice(0, 2), tree.slice(2));
      rmSync(file);
      writeFileSync(file, 'not zlib at all');
    });
    expectFallback(fx, main, job, /^cache entry refused: its objects cannot be read/);
    expectFilesOf(job.workspace, fx.origin, tip);
  });

  test('a substituted blob of an older commit only: the job is seeded, but its post step does not save the store', async () => {
    fx = await startFixture({ commits: 20 });
    const reference = await fx.saveEntry();
    fx.cache.entries.clear();
    const tip = revParse(fx.origin, 'main');
    const root = gitSync(fx.origin, ['rev-list', '--max-parents=0', 'main']);
    const inTip = new Set(blobsOf(fx.origin, tip).values());
    const old = [...blobsOf(fx.origin, root).values()].find(blob => !inTip.has(blob)) ?? '';
    expect(old).toMatch(/^[0-9a-f]{40}$/);
    const {
      job,
      main,
      key: crafted
    } = await mainOnCraftedEntry(
      fx,
      reference,
      { job: 'warm', run: { inputs: { 'save-cache': 'always' } } },
      gitDir => {
        looseObjectsOnly(gitDir);
        substituteBlob(gitDir, old, 'evil content in history\n');
      }
    );
    expect(main.exitCode).toBe(0);
    expect(main.outputs.seeded).toBe('true');
    expectFilesOf(job.workspace, fx.origin, tip);

    const post = await fx.post(job);
    expect(post.exitCode).toBe(0);
    expect([...fx.cache.entries.values()].map(e => e.key)).toEqual([crafted]);
    const warnings = post.annotations.filter(a => a.level === 'warning');
    expect(warnings.map(a => a.title)).toEqual(['Clone cache post step']);
    expect(warnings[0].message).toContain('not saved');
    expect(warnings[0].message).toContain('object store');
  });
});

describe('finding 2: a planted branch', () => {
  test.each(['loose', 'packed'])(
    'refs/heads/agent/task-123 (%s) in an entry: the task branch starts at origin main',
    async layout => {
      fx = await startFixture({ commits: 6 });
      const reference = await fx.saveEntry();
      const tip = revParse(fx.origin, 'main');
      const run = { inputs: { branch: 'agent/task-123', base: 'main' } };
      const { job, main } = await mainOnCraftedEntry(fx, reference, { run }, gitDir => {
        // The attacker's commit: origin's files plus one, on top of origin's tip.
        const blob = gitIn(gitDir, ['hash-object', '-w', '--stdin'], 'planted\n');
        const tree = gitIn(
          gitDir,
          ['mktree'],
          `${gitIn(gitDir, ['ls-tree', tip])}\n100644 blob ${blob}\tplanted.txt\n`
        );
        const planted = gitIn(gitDir, ['commit-tree', tree, '-p', tip, '-m', 'task work']);
        gitIn(gitDir, ['update-ref', 'refs/heads/agent/task-123', planted]);
        if (layout === 'packed') gitIn(gitDir, ['pack-refs', '--all']);
      });
      const wt = expectWorktreeAt(main, tip, 'agent/task-123');
      expect(existsSync(path.join(wt, 'planted.txt'))).toBe(false);
      expect(main.outputs.commit).toBe(tip);
      expect(revParse(job.workspace, 'refs/heads/agent/task-123')).toBe(tip);
      expectFilesOf(wt, fx.origin, tip);
      const sanitized = sanitizedWarning(main);
      expect(sanitized).toHaveLength(1);
      expect(sanitized[0]).toContain('refs/heads/agent/task-123');
      // A later push of the task branch publishes origin's commit, not the planted one.
      await gitAsync(wt, ['-c', `http.extraheader=${AUTH_HEADER}`, 'push', '-q', 'origin', 'HEAD']);
      expect(revParse(fx.origin, 'refs/heads/agent/task-123')).toBe(tip);
    }
  );
});

describe('finding 3: config.worktree in an entry', () => {
  test('its fsmonitor and hooksPath never run, even once a later step enables worktree config', async () => {
    fx = await startFixture({ commits: 6 });
    const reference = await fx.saveEntry();
    const marker = path.join(fx.root, 'planted-ran');
    const hooks = path.join(fx.root, 'planted-hooks');
    plantedProgram(path.join(hooks, 'post-checkout'), marker);
    const fsmonitor = plantedProgram(path.join(fx.root, 'planted-fsmonitor'), marker);
    const { job, main } = await mainOnCraftedEntry(fx, reference, gitDir =>
      writeFileSync(
        path.join(gitDir, 'config.worktree'),
        `[core]\n\tfsmonitor = ${fsmonitor}\n\thooksPath = ${hooks}\n`
      )
    );
    expect(main.exitCode).toBe(0);
    expect(main.outputs.seeded).toBe('true');
    const configWorktree = path.join(job.workspace, '.git', 'config.worktree');
    const leftAfterJob = existsSync(configWorktree);
    // Later steps: sparse-checkout turns on extensions.worktreeConfig, then ordinary commands.
    gitSync(job.workspace, ['sparse-checkout', 'set', 'src/dir1']);
    expect(gitSync(job.workspace, ['config', 'extensions.worktreeConfig'])).toBe('true');
    gitSync(job.workspace, ['status']);
    gitSync(job.workspace, ['checkout', '-q', '-b', 'x']);
    expect(existsSync(marker)).toBe(false);
    expect(leftAfterJob).toBe(false);
    const sanitized = sanitizedWarning(main);
    expect(sanitized).toHaveLength(1);
    expect(sanitized[0]).toContain('config.worktree');
  });
});

describe('finding 4: info/exclude in an entry', () => {
  test('an exclude of * is dropped: new files show in git status', async () => {
    fx = await startFixture({ commits: 6 });
    const reference = await fx.saveEntry();
    const { job, main } = await mainOnCraftedEntry(fx, reference, gitDir => {
      mkdirSync(path.join(gitDir, 'info'), { recursive: true });
      writeFileSync(path.join(gitDir, 'info', 'exclude'), '*\n');
    });
    expect(main.exitCode).toBe(0);
    writeFileSync(path.join(job.workspace, 'new-file.txt'), 'made by a later step\n');
    expect(gitSync(job.workspace, ['status', '--porcelain'])).toBe('?? new-file.txt');
    gitSync(job.workspace, ['add', '--all']);
    expect(gitSync(job.workspace, ['diff', '--cached', '--name-only'])).toBe('new-file.txt');
    const sanitized = sanitizedWarning(main);
    expect(sanitized).toHaveLength(1);
    expect(sanitized[0]).toContain('info/exclude');
  });
});

describe('finding 5: bad refs fall back instead of failing', () => {
  const remotes = (gitDir: string) => {
    mkdirSync(path.join(gitDir, 'refs', 'remotes', 'origin'), { recursive: true });
    return path.join(gitDir, 'refs', 'remotes', 'origin');
  };
  const table: [string, (gitDir: string, tip: string) => void][] = [
    [
      'packed refs/remotes/origin/x.lock',
      (gitDir, tip) =>
        appendFileSync(path.join(gitDir, 'packed-refs'), `${tip} refs/remotes/origin/x.lock\n`)
    ],
    [
      'packed refs/remotes/origin/../../../x',
      (gitDir, tip) =>
        appendFileSync(path.join(gitDir, 'packed-refs'), `${tip} refs/remotes/origin/../../../x\n`)
    ],
    ['an empty loose ref', gitDir => writeFileSync(path.join(remotes(gitDir), 'empty'), '')],
    [
      'a loose ref holding "not a sha"',
      gitDir => writeFileSync(path.join(remotes(gitDir), 'garbage'), 'not a sha\n')
    ],
    [
      'a loose ref naming a missing object',
      gitDir => writeFileSync(path.join(remotes(gitDir), 'gone'), `${'1'.repeat(40)}\n`)
    ]
  ];
  test.each(table)('%s', async (_label, change) => {
    fx = await startFixture({ commits: 6 });
    const reference = await fx.saveEntry();
    const tip = revParse(fx.origin, 'main');
    const { job, main } = await mainOnCraftedEntry(fx, reference, gitDir => change(gitDir, tip));
    expectFallback(fx, main, job, /^seed failed: the cached clone has a bad ref/);
    expectFilesOf(job.workspace, fx.origin, tip);
  });
});

describe('finding 6: disk bomb', () => {
  test('a 256 MiB file that is no part of a clone is dropped, and not saved again', async () => {
    fx = await startFixture({ commits: 6 });
    const reference = await fx.saveEntry();
    fx.cache.entries.clear();
    const tip = revParse(fx.origin, 'main');
    const { job, main } = await mainOnCraftedEntry(
      fx,
      reference,
      { run: { inputs: { 'save-cache': 'always' } } },
      gitDir => {
        const zeros = path.join(gitDir, 'objects', 'pack', 'zeros');
        writeFileSync(zeros, '');
        truncateSync(zeros, 256 * MiB);
      }
    );
    expect(main.exitCode).toBe(0);
    expect(main.outputs.seeded).toBe('true');
    expect(existsSync(path.join(job.workspace, '.git', 'objects', 'pack', 'zeros'))).toBe(false);
    const sanitized = sanitizedWarning(main);
    expect(sanitized).toHaveLength(1);
    expect(sanitized[0]).toContain('objects/pack/zeros');

    expect((await fx.post(job)).exitCode).toBe(0);
    const saved = fx.cache.entries.get(`${keyOf(tip)}@${reference.version}`);
    expect(saved?.finalized).toBe(true);
    const unpacked = path.join(fx.root, 'saved');
    unpackEntry(saved ?? reference, unpacked);
    const savedGitDir = path.join(unpacked, '.clone-cache-staging', 'clone.git');
    expect(existsSync(path.join(savedGitDir, 'HEAD'))).toBe(true);
    expect(existsSync(path.join(savedGitDir, 'objects', 'pack', 'zeros'))).toBe(false);
  });

  test('a 256 MiB pack from a tiny archive: the entry is refused', async () => {
    fx = await startFixture({ commits: 6 });
    const reference = await fx.saveEntry();
    const hex = 'ab'.repeat(20);
    const { job, main } = await mainOnCraftedEntry(fx, reference, gitDir => {
      const pack = path.join(gitDir, 'objects', 'pack', `pack-${hex}.pack`);
      writeFileSync(pack, '');
      truncateSync(pack, 256 * MiB);
      writeFileSync(pack.replace(/\.pack$/, '.idx'), Buffer.alloc(1024));
    });
    expectFallback(
      fx,
      main,
      job,
      /^seed failed: the cached clone unpacks to \d+ bytes from a \d+-byte archive/
    );
    expect(
      existsSync(path.join(job.workspace, '.git', 'objects', 'pack', `pack-${hex}.pack`))
    ).toBe(false);
  });
});
