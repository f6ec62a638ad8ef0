// The action end to end on a generated example, with no GitHub account and no network: see HELP
// in options.ts. `npm run demo -- --help` lists the options.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseOrExit } from './command-line.js';
import { createExampleRepository, packFacts } from './example-repository.js';
import { REPOSITORY, startLoopback, type TimedStep } from './loopback.js';
import { parseDemoOptions, type DemoOptions } from './options.js';
import { comparisonTable, count, jobsTable, mebibytes, type JobSteps } from './report.js';

/** Prints a step's annotations, and its whole log when it failed. */
function checkStep(title: string, step: TimedStep): void {
  for (const a of step.annotations) {
    console.log(`  ${title}: ${a.level}: ${a.title ? `${a.title}: ` : ''}${a.message}`);
  }
  if (step.exitCode !== 0) {
    console.log(`${title} exited ${step.exitCode}; its log:\n${step.stdout}${step.stderr}`);
    process.exitCode = 1;
  }
}

async function demo(options: DemoOptions): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'clone-cache-demo-'));
  const shape = { files: options.files, tagEvery: options.tagEvery, seed: options.seed };
  process.stdout.write('Generating the example repository... ');
  const origin = await createExampleRepository(
    path.join(root, 'origin'),
    REPOSITORY,
    shape,
    options.commits
  );
  const pack = packFacts(origin.dir);
  console.log(
    `${count(options.commits, 'commit')}, ${count(options.files, 'file')}, ` +
      `${count(origin.history.tags, 'tag')}: ${count(pack.objects, 'object')} in a ` +
      `${mebibytes(pack.packBytes)} pack, generated in ${origin.seconds.toFixed(1)} s from seed ${options.seed}.`
  );
  const loopback = await startLoopback(root);
  try {
    process.stdout.write('Running the cold job... ');
    const coldJob = loopback.newJob('cold');
    const cold: JobSteps = {
      main: await loopback.step('main', coldJob),
      post: await loopback.step('post', coldJob)
    };
    await origin.history.append(origin.dir, options.newCommits);
    process.stdout.write(`pushing ${count(options.newCommits, 'commit')}... the warm job... `);
    const warmJob = loopback.newJob('warm');
    const warm: JobSteps = {
      main: await loopback.step('main', warmJob),
      post: await loopback.step('post', warmJob)
    };
    process.stdout.write('plain clones...');
    const clones = path.join(root, 'clones');
    const fullClone = await loopback.gitClone([], path.join(clones, 'full'));
    const shallowClone = await loopback.gitClone(['--depth=1'], path.join(clones, 'shallow'));
    console.log(' done.\n');

    checkStep('cold job, main step', cold.main);
    checkStep('cold job, post step', cold.post);
    checkStep('warm job, main step', warm.main);
    checkStep('warm job, post step', warm.post);
    console.log(jobsTable(cold, warm).join('\n'));
    console.log('');
    const archive = /<td>Archive size<\/td><td>([\d.]+) MiB/.exec(warm.main.summary);
    const comparison = comparisonTable({
      cold,
      warm,
      newCommits: options.newCommits,
      fullClone,
      shallowClone,
      commits: origin.history.commits,
      tags: origin.history.tags,
      objects: packFacts(origin.dir).objects,
      archiveBytes: archive ? Number(archive[1]) * 2 ** 20 : 0
    });
    console.log(comparison.join('\n'));
    if (options.keep) console.log(`\nKept: ${root}`);
  } finally {
    await loopback.close();
    if (!options.keep) rmSync(root, { recursive: true, force: true });
  }
}

await demo(parseOrExit('demo', () => parseDemoOptions(process.argv.slice(2))));
