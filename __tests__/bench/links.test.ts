import { expect, test } from '@jest/globals';
import { describeLinks, readBenchOptions } from '../../bench/options.js';

const linksOf = (argv: string[], withLfs = true) => {
  const options = readBenchOptions(argv);
  return describeLinks(options, options.mbytesPerSec[0], withLfs);
};

test('the LFS link takes each --mbytes-per-sec unless it is given a rate of its own', () => {
  expect(readBenchOptions(['--mbytes-per-sec', '90']).lfsMbytesPerSec).toBeUndefined();
  expect(
    readBenchOptions(['--mbytes-per-sec', '90', '--lfs-mbytes-per-sec', '40']).lfsMbytesPerSec
  ).toBe(40);
  const both = readBenchOptions(['--mbytes-per-sec', '0,90']);
  expect(both.mbytesPerSec.map(mbytes => describeLinks(both, mbytes, true))).toEqual([
    'unlimited',
    '90 MB/s'
  ]);
});

test('the submodules, latency and LFS rate options are read', () => {
  expect(
    readBenchOptions(['--submodules', '--lfs-request-ms', '50', '--git-request-ms', '20'])
  ).toMatchObject({ submodules: true, lfsRequestMs: 50, gitRequestMs: 20 });
  expect(readBenchOptions([])).toMatchObject({
    submodules: false,
    lfsRequestMs: 0,
    gitRequestMs: 0
  });
});

test('one shared rate reads as before; links of their own are each named', () => {
  expect(linksOf([])).toBe('unlimited');
  expect(linksOf(['--mbytes-per-sec', '90'])).toBe('90 MB/s');
  expect(linksOf(['--mbytes-per-sec', '90', '--lfs-mbytes-per-sec', '40'])).toBe(
    'cache 90 MB/s, git 90 MB/s, LFS 40 MB/s'
  );
  expect(
    linksOf(['--mbytes-per-sec', '90', '--lfs-mbytes-per-sec', '40', '--lfs-request-ms', '50'])
  ).toBe('cache 90 MB/s, git 90 MB/s, LFS 40 MB/s + 50 ms a request');
  expect(linksOf(['--git-request-ms', '20'], false)).toBe(
    'cache unlimited, git unlimited + 20 ms a request'
  );
  // Without LFS assets the LFS options change nothing.
  expect(linksOf(['--lfs-mbytes-per-sec', '40'], false)).toBe('unlimited');
});
