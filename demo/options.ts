// The demo's command line.
import { parseOptions, wholeNumber, type OptionSpecs } from './command-line.js';

export interface DemoOptions {
  commits: number;
  files: number;
  newCommits: number;
  tagEvery: number;
  seed: number;
  keep: boolean;
}

export const DEFAULTS = {
  commits: 30_000,
  files: 600,
  newCommits: 5,
  tagEvery: 250,
  seed: 1
};

const SPECS: OptionSpecs = {
  commits: { type: 'string', default: String(DEFAULTS.commits) },
  files: { type: 'string', default: String(DEFAULTS.files) },
  'new-commits': { type: 'string', default: String(DEFAULTS.newCommits) },
  'tag-every': { type: 'string', default: String(DEFAULTS.tagEvery) },
  seed: { type: 'string', default: String(DEFAULTS.seed) },
  keep: { type: 'boolean', default: false }
};

export const HELP = `Usage: npm run demo -- [options]

Runs the action's committed bundles (dist/main, dist/post) as a runner would, on this machine
alone: a generated example repository served by a loopback git server, a loopback cache service,
then a cold job (cache miss: full clone; its post step saves the cache), new commits pushed to
origin, and a warm job (cache hit: seed, fetch the new commits). Prints both jobs' phases and
their times side by side with a plain full clone and a depth-1 clone of the same origin.

The example history is shaped like a real project's: most commits change a few lines in one to
three small source files, some in a handful, a few in dozens; files are added along the way,
four folders deep; an annotated tag marks a release every --tag-every commits. It is generated
from --seed, so every run makes the same objects. The defaults take about half a minute.

Options:
  --commits <n>       commits in the example history (default ${DEFAULTS.commits})
  --files <n>         source files at the tip (default ${DEFAULTS.files})
  --new-commits <n>   commits pushed to origin between the cold and the warm job
                      (default ${DEFAULTS.newCommits})
  --tag-every <n>     an annotated tag every n commits (default ${DEFAULTS.tagEvery})
  --seed <n>          seed of the generated history (default ${DEFAULTS.seed})
  --keep              keep the temporary folder (origin, cache storage, both jobs' workspaces)
                      and print its path
  -h, --help          show this text

Examples:
  npm run demo -- --commits 60000   twice the history (about a minute): the full clone takes
                                    twice as long, the warm job a little longer
  npm run demo -- --commits 2000    a small history, where the cache saves nothing
`;

/** Parses the demo's arguments; throws UsageError for a mistake. */
export function parseDemoOptions(argv: string[]): DemoOptions {
  return parseOptions(SPECS, HELP, argv, values => ({
    commits: wholeNumber(values, 'commits', 1, 1_000_000),
    files: wholeNumber(values, 'files', 1, 100_000),
    newCommits: wholeNumber(values, 'new-commits', 0, 100_000),
    tagEvery: wholeNumber(values, 'tag-every', 1, 1_000_000),
    seed: wholeNumber(values, 'seed', 0, 2 ** 31 - 1),
    keep: values.keep === true
  }));
}
