import { afterEach, describe, expect, test } from '@jest/globals';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs';
import * as path from 'node:path';
import { craftEntry } from '../support/archive.js';
import { mainOnCraftedEntry } from '../support/crafted-entry.js';
import { expectFallback } from '../support/expectations.js';
import { AUTH_HEADER, startFixture, type Fixture } from '../support/fixture.js';
import { gitAsync, gitSync } from '../support/git.js';
import { addCommits, revParse } from '../support/repos.js';

let fx: Fixture;
afterEach(async () => fx?.close());

describe('untrusted cache entries', () => {
  test("an entry of a longer key prefix (another repository's clone) is not used", async () => {
    fx = await startFixture({ commits: 6 });
    const reference = await fx.saveEntry();
    fx.cache.entries.clear();
    const { main } = await mainOnCraftedEntry(
      fx,
      reference,
      { key: `clone-cache-Linux-acme-widgets-docs-${'d'.repeat(40)}` },
      () => undefined
    );
    expect(main.exitCode).toBe(0);
    expect(main.outputs).toMatchObject({
      'cache-hit': 'false',
      seeded: 'false',
      'fallback-reason': 'no cache entry'
    });
    expect(main.stdout).toContain('Ignoring the cache entry clone-cache-Linux-acme-widgets-docs-');
  });

  test('archive members with absolute or .. paths never land outside the workspace', async () => {
    fx = await startFixture({ commits: 6 });
    const reference = await fx.saveEntry();
    // With tar -P, three `..` climb out of the extraction folder (in RUNNER_TEMP) into the
    // fixture, and the absolute member goes anywhere at all.
    const workDir = path.join(fx.root, 'deep', 'er');
    mkdirSync(workDir, { recursive: true });
    writeFileSync(path.join(fx.root, 'deep', 'escaped'), 'escaped'); // workDir/crafted/ws/../../..
    const absolute = path.join(fx.root, 'abs-target', 'planted');
    mkdirSync(path.dirname(absolute));
    writeFileSync(absolute, 'planted');
    craftEntry(fx.cache, reference, workDir, () => undefined, {
      extraMembers: ['../../../escaped', absolute]
    });
    rmSync(absolute);
    const job = fx.newJob();
    const main = await fx.main(job);
    expect(main.exitCode).toBe(0);
    const escaped = readdirSync(fx.root, { recursive: true })
      .map(String)
      .filter(name => path.basename(name) === 'escaped' && name !== path.join('deep', 'escaped'));
    expect(escaped).toEqual([]);
    expect(existsSync(absolute)).toBe(false);
    expect(revParse(job.workspace, 'HEAD')).toBe(revParse(fx.origin, 'refs/heads/main'));
    expect(gitSync(job.workspace, ['status', '--porcelain', '--untracked-files=all'])).toBe('');
  });

  test('a symlink inside the cached .git is refused: fallback, nothing followed', async () => {
    fx = await startFixture({ commits: 6 });
    const reference = await fx.saveEntry();
    const outside = path.join(fx.root, 'outside');
    mkdirSync(outside);
    const { job, main } = await mainOnCraftedEntry(fx, reference, gitDir => {
      rmSync(path.join(gitDir, 'refs', 'remotes'), { recursive: true, force: true });
      symlinkSync(outside, path.join(gitDir, 'refs', 'remotes'));
    });
    expectFallback(
      fx,
      main,
      job,
      /^seed failed: the cached clone holds refs\/remotes, which is not a plain file/
    );
    expect(readdirSync(outside)).toEqual([]);
  });

  test('hooks and dangerous config in an entry never run; the seed is sanitized', async () => {
    fx = await startFixture({ commits: 6 });
    const reference = await fx.saveEntry();
    const marker = path.join(fx.root, 'hook-ran');
    const script = `#!/bin/sh\necho ran >> ${marker}\n`;
    const run = (what: string) => `"sh -c 'echo ${what} >> ${marker}'"`;
    const include = path.join(fx.root, 'evil-include');
    writeFileSync(include, `[core]\n\tpager = ${run('pager')}\n`);
    const config = [
      '[core]',
      '\trepositoryformatversion = 0',
      `\tfsmonitor = ${run('fsmonitor')}`,
      '\thooksPath = hooks',
      `\tsshCommand = ${run('ssh')}`,
      '[credential]',
      `\thelper = !${run('credential').slice(1, -1)}`,
      '[include]',
      `\tpath = ${include}`,
      '[diff "x"]',
      `\ttextconv = ${run('textconv')}`,
      '[filter "x"]',
      `\tsmudge = ${run('smudge')}`,
      `\tclean = ${run('clean')}`,
      ''
    ].join('\n');
    craftEntry(fx.cache, reference, fx.root, gitDir => {
      mkdirSync(path.join(gitDir, 'hooks'));
      for (const hook of ['post-checkout', 'post-merge', 'reference-transaction', 'pre-commit']) {
        writeFileSync(path.join(gitDir, 'hooks', hook), script, { mode: 0o755 });
      }
      writeFileSync(path.join(gitDir, 'config'), config);
      mkdirSync(path.join(gitDir, 'info'), { recursive: true });
      writeFileSync(path.join(gitDir, 'info', 'attributes'), '* diff=x filter=x\n');
    });
    addCommits(fx.origin, 'main', { commits: 1, seed: 'newer' });

    const job = fx.newJob();
    const main = await fx.main(job);
    expect(main.exitCode).toBe(0);
    expect(main.outputs['fallback-reason']).toBe('');
    expect(main.outputs.seeded).toBe('true');
    expect(main.annotations.map(a => [a.level, a.title])).toEqual([
      ['warning', 'Clone cache sanitized']
    ]);
    expect(main.annotations[0].message).toContain('hooks');
    // Typical later commands in the seeded clone, including a pull that fetches and merges.
    writeFileSync(path.join(job.workspace, 'touched.txt'), 'x');
    gitSync(job.workspace, ['status']);
    gitSync(job.workspace, ['diff', 'HEAD~1']);
    gitSync(job.workspace, ['log', '-p', '-2']);
    addCommits(fx.origin, 'main', { commits: 1, seed: 'pulled' });
    await gitAsync(job.workspace, [
      '-c',
      `http.extraheader=${AUTH_HEADER}`,
      'pull',
      '--no-rebase',
      '--quiet'
    ]);
    expect(existsSync(marker)).toBe(false);
    // The only includes are the action's own (persist-credentials), naming its RUNNER_TEMP file.
    const seededConfig = readFileSync(path.join(job.workspace, '.git', 'config'), 'utf8');
    const ownIncludes =
      /\[includeIf "gitdir:[^"]*"\]\n\tpath = "?\/\S*\/clone-cache-credentials-[0-9a-f-]+\.config"?\n/g;
    expect(seededConfig.match(ownIncludes)).toHaveLength(4);
    expect(seededConfig.replace(ownIncludes, '')).not.toMatch(
      /fsmonitor|hooksPath|sshCommand|credential|include|textconv|smudge/
    );
    expect(readdirSync(path.join(job.workspace, '.git', 'hooks'))).toEqual([]);
  });

  test('an entry whose HEAD names a missing commit falls back and leaves nothing of the seed', async () => {
    fx = await startFixture({ commits: 6 });
    const reference = await fx.saveEntry();
    const { job, main } = await mainOnCraftedEntry(fx, reference, gitDir =>
      writeFileSync(path.join(gitDir, 'HEAD'), `${'1'.repeat(40)}\n`)
    );
    expectFallback(
      fx,
      main,
      job,
      /^seed failed: HEAD of the cached clone does not resolve to a commit/
    );
    expect(main.outputs['cache-hit']).toBe('true');
    expect(main.annotations.map(a => a.title)).toEqual(['Clone cache not used']);
  });

  test("replace refs and grafts in an entry never swap the commit's files; a shallow entry is refused", async () => {
    fx = await startFixture({ commits: 6 });
    const reference = await fx.saveEntry();
    const tip = revParse(fx.origin, 'refs/heads/main');
    fx.cache.entries.clear();
    const key = `clone-cache-Linux-acme-widgets-${tip}`;
    const { job, main } = await mainOnCraftedEntry(
      fx,
      reference,
      { key, job: 'replaced', run: { env: { GITHUB_SHA: tip } } },
      gitDir => {
        // A commit that looks like the tip but holds other files, put in its place.
        const git = (args: string[], input?: string) =>
          gitSync(gitDir, [`--git-dir=${gitDir}`, ...args], input);
        const blob = git(['hash-object', '-w', '--stdin'], 'echo pwned\n');
        const tree = git(['mktree'], `100755 blob ${blob}\tbuild.sh\n`);
        const evil = git(['commit-tree', tree, '-m', 'evil']);
        // One replace ref packed, one loose: both places are cleaned.
        git(['update-ref', `refs/replace/${git(['rev-parse', `${tip}~1`])}`, evil]);
        git(['pack-refs', '--all']);
        git(['update-ref', `refs/replace/${tip}`, evil]);
        mkdirSync(path.join(gitDir, 'info'), { recursive: true });
        writeFileSync(path.join(gitDir, 'info', 'grafts'), `${tip}\n`);
      }
    );
    expect(main.exitCode).toBe(0);
    expect(main.outputs.seeded).toBe('true');
    expect(main.annotations.map(a => a.title)).toEqual(['Clone cache sanitized']);
    expect(main.annotations[0].message).toContain(`refs/replace/${tip}`);
    expect(main.annotations[0].message).toContain('info/grafts');
    expect(existsSync(path.join(job.workspace, 'build.sh'))).toBe(false);
    expect(gitSync(job.workspace, ['ls-files'])).toBe(
      gitSync(fx.origin, ['ls-tree', '-r', '--name-only', tip])
    );
    expect(gitSync(job.workspace, ['replace', '-l'])).toBe('');

    fx.cache.entries.clear();
    craftEntry(
      fx.cache,
      reference,
      fx.root,
      gitDir => writeFileSync(path.join(gitDir, 'shallow'), `${tip}\n`),
      { key }
    );
    const shallowJob = fx.newJob('shallow');
    expectFallback(
      fx,
      await fx.main(shallowJob),
      shallowJob,
      /^seed failed: the cached clone is shallow/
    );
  });
});
