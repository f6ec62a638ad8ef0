import { afterEach, describe, expect, test } from '@jest/globals';
import { mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { gitSync } from '../support/git.js';
import { commitLfsFiles, lfsContent, oidOf } from '../support/lfs-content.js';
import { laterStepGit } from '../support/later-step.js';
import { startLfsFixture, statusOf, unsmudged, type LfsFixture } from '../support/lfs-fixture.js';
import { createLfsServer } from '../support/lfs-server.js';
import { TOKEN } from '../support/fixture.js';

let lf: LfsFixture | undefined;
let other: http.Server | undefined;
afterEach(async () => {
  other?.closeAllConnections();
  await new Promise(resolve => (other ? other.close(resolve) : resolve(undefined)));
  other = undefined;
  await lf?.fx.close();
});

/** A PATH with git and nothing else of /usr/bin: no git-lfs. */
function pathWithoutGitLfs(root: string): string {
  const bin = path.join(root, 'bin-without-lfs');
  mkdirSync(bin);
  symlinkSync(
    gitSync(root, ['--exec-path']).replace(/git-core$/, '../bin/git'),
    path.join(bin, 'git')
  );
  return bin;
}

describe('lfs: the runner and the token', () => {
  test('git-lfs missing: one error naming the package, only when lfs is true', async () => {
    lf = await startLfsFixture();
    const { fx } = lf;
    const env = { PATH: pathWithoutGitLfs(fx.root) };
    const job = fx.newJob('no-lfs');
    const main = await fx.main(job, { inputs: { lfs: 'true' }, env });
    expect(main.exitCode).toBe(1);
    expect(main.annotations.map(a => [a.level, a.title])).toEqual([['error', 'git-lfs not found']]);
    expect(main.annotations[0].message).toContain('Install the git-lfs package');
    expect(readdirSync(job.workspace)).toEqual([]);
    const plain = await fx.main(fx.newJob('plain'), { env });
    expect(plain.exitCode).toBe(0);
  });

  test("the token goes to origin's LFS endpoint, not to an lfs.url on another server", async () => {
    lf = await startLfsFixture();
    const { fx } = lf;
    const elsewhere = createLfsServer(path.join(fx.root, 'elsewhere'), TOKEN);
    other = http.createServer((req, res) => {
      if (!elsewhere.handle(req, res)) res.writeHead(404).end();
    });
    await new Promise<void>(resolve => other?.listen(0, '127.0.0.1', resolve));
    const port = (other.address() as AddressInfo).port;
    // The repository points git-lfs at another server, as a committed .lfsconfig can.
    const lfsconfig = `[lfs]\n\turl = http://127.0.0.1:${port}/acme/widgets.git/info/lfs\n`;
    const blob = gitSync(fx.origin, ['hash-object', '-w', '--stdin'], lfsconfig);
    const tree = gitSync(
      fx.origin,
      ['mktree'],
      `${gitSync(fx.origin, ['ls-tree', 'main'])}\n100644 blob ${blob}\t.lfsconfig\n`
    );
    const commit = gitSync(fx.origin, [
      'commit-tree',
      tree,
      '-p',
      'main',
      '-m',
      'lfs.url elsewhere'
    ]);
    gitSync(fx.origin, ['update-ref', 'refs/heads/main', commit]);
    commitLfsFiles(fx.origin, 'main', elsewhere, { 'd.bin': lfsContent('d', 100) });

    const main = await fx.main(fx.newJob(), { inputs: { lfs: 'true' } });
    expect(main.exitCode).toBe(1);
    expect(elsewhere.requests.length).toBeGreaterThan(0);
    expect(elsewhere.requests.filter(request => request.authorized)).toEqual([]);
    expect(elsewhere.served).toEqual([]);
  });

  test('later steps: git-lfs is set up in the clone, and git lfs pull works with the persisted token', async () => {
    lf = await startLfsFixture();
    const { fx, lfs, files } = lf;
    const job = fx.newJob();
    expect((await fx.main(job, { inputs: { lfs: 'true' } })).exitCode).toBe(0);
    expect(gitSync(job.workspace, ['config', '--local', 'filter.lfs.process'])).toBe(
      'git-lfs filter-process'
    );
    rmSync(path.join(job.workspace, '.git', 'lfs'), { recursive: true });
    rmSync(path.join(job.workspace, 'assets'), { recursive: true });
    const served = lfs.served.length;
    const pull = await laterStepGit(job, job.workspace, ['lfs', 'pull']);
    expect(pull.code).toBe(0);
    expect(unsmudged(job.workspace, files)).toEqual([]);
    expect(statusOf(job.workspace)).toBe('');
    expect(lfs.served.length - served).toBe(2);
    expect((await fx.post(job)).exitCode).toBe(0);
  });

  test('a corrupt download from the LFS server fails the step and leaves no clone behind', async () => {
    lf = await startLfsFixture();
    const { fx, lfs, files } = lf;
    lfs.corrupt.add(oidOf(files['assets/a.bin']));
    const job = fx.newJob();
    const main = await fx.main(job, { inputs: { lfs: 'true' } });
    expect(main.exitCode).toBe(1);
    expect(main.annotations.filter(a => a.level === 'error')).toHaveLength(1);
    expect(lfs.served).toContain(oidOf(files['assets/a.bin']));
    // The clone this run made is removed: nothing that looks checked out remains.
    expect(readdirSync(job.workspace)).toEqual([]);
  });
});
