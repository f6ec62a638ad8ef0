// The demo's example repository, shaped like real history: many commits that each change a few
// lines in a few small source files (mostly one to three, now and then dozens; some files far
// more often than others), new files along the way, annotated tags. Most objects are small deltas, as in a real project, which is
// what makes a full clone costly and a cache worth having. Seeded: the same shape and seed give
// the same object ids on every machine.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Random, codeLine, commitMessage, AUTHORS } from './history-text.js';

export interface HistoryShape {
  /** Source files at the tip; a quarter exist from the first commit, the rest are added along the way. */
  files: number;
  /** An annotated tag every this many commits. */
  tagEvery: number;
  seed: number;
}

interface Change {
  file: number;
  /** Blob mark in the fast-import stream of this append. */
  mark: number;
  /** Seed of this version's edits. */
  seed: number;
  created: boolean;
}

interface PlannedCommit {
  changes: Change[];
  message: string;
  author: string;
  time: number;
  tag?: string;
}

const AREAS = ['core', 'api', 'cli', 'storage', 'net', 'ui', 'util', 'plugins'];
const START_TIME = 1_500_000_000;

const LAYERS = ['model', 'service', 'view'];

/** Paths four folders deep, as in a project of packages: src/<area>/<module>/<layer>/. */
function filePath(file: number): string {
  const area = AREAS[file % AREAS.length];
  const module = Math.floor(file / AREAS.length) % 6;
  const layer = LAYERS[Math.floor(file / (AREAS.length * 6)) % LAYERS.length];
  return `src/${area}/module${module}/${layer}/file${file}.ts`;
}

/** Appends generated commits to a bare repository's main, remembering the files between appends. */
export class HistoryGenerator {
  private readonly random: Random;
  private readonly contents: string[][] = [];
  private commitsMade = 0;
  private time = START_TIME;

  constructor(private readonly shape: HistoryShape) {
    this.random = new Random(shape.seed);
  }

  get commits(): number {
    return this.commitsMade;
  }

  get tags(): number {
    return Math.floor(this.commitsMade / this.shape.tagEvery);
  }

  /**
   * Appends `count` commits to `main` of the bare repository `dir` with git fast-import. When
   * `plannedTotal` is given, files are added at an even pace so that the last of them appears by
   * that commit. Returns after fast-import has finished.
   */
  async append(dir: string, count: number, plannedTotal = count): Promise<void> {
    const plan = this.plan(count, plannedTotal);
    const importer = spawn('git', ['-C', dir, 'fast-import', '--quiet'], {
      stdio: ['pipe', 'ignore', 'inherit'],
      // fast-import allocates zlib's buffers for every object; above glibc's default threshold
      // each one is a fresh mmap whose pages fault in again. Keeping them on the heap saves a
      // quarter of the import's time.
      env: { ...process.env, GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=33554432' }
    });
    const closed = once(importer, 'close');
    const write = async (chunk: string) => {
      if (!importer.stdin.write(chunk)) await once(importer.stdin, 'drain');
    };
    // Every version of one file in a row: fast-import stores a blob as a delta against the blob
    // before it, so this makes each version a delta of its predecessor, as a repack would.
    const byFile = new Map<number, Change[]>();
    for (const change of plan.flatMap(commit => commit.changes)) {
      byFile.set(change.file, [...(byFile.get(change.file) ?? []), change]);
    }
    for (const [file, changes] of [...byFile].sort(([a], [b]) => a - b)) {
      for (const change of changes) {
        const content = this.nextVersion(file, change);
        await write(`blob\nmark :${change.mark}\ndata ${Buffer.byteLength(content)}\n${content}\n`);
      }
    }
    const firstMark = plan.reduce((sum, commit) => sum + commit.changes.length, 0) + 1;
    for (const [index, commit] of plan.entries()) {
      const mark = firstMark + index;
      const who = `${commit.author} ${commit.time} +0000`;
      await write(
        `commit refs/heads/main\nmark :${mark}\nauthor ${who}\ncommitter ${who}\n` +
          `data ${Buffer.byteLength(commit.message)}\n${commit.message}\n`
      );
      if (index === 0 && this.commitsMade > 0) await write('from refs/heads/main^0\n');
      for (const change of commit.changes) {
        await write(`M 100644 :${change.mark} ${filePath(change.file)}\n`);
      }
      await write('\n');
      if (commit.tag) {
        const message = `Release ${commit.tag}\n`;
        await write(
          `tag ${commit.tag}\nfrom :${mark}\ntagger ${who}\n` +
            `data ${Buffer.byteLength(message)}\n${message}\n`
        );
      }
    }
    importer.stdin.end();
    const [code] = await closed;
    if (code !== 0) throw new Error(`git fast-import exited ${code}`);
    this.commitsMade += count;
  }

  private plan(count: number, plannedTotal: number): PlannedCommit[] {
    const { files, tagEvery } = this.shape;
    const initial = Math.max(1, Math.ceil(files / 4));
    const plan: PlannedCommit[] = [];
    let mark = 0;
    const change = (file: number, created: boolean): Change => ({
      file,
      mark: ++mark,
      seed: this.random.int(2 ** 31),
      created
    });
    for (let i = 0; i < count; i++) {
      const n = this.commitsMade + i;
      const changes: Change[] = [];
      if (n === 0) {
        for (let file = 0; file < Math.min(initial, files); file++)
          changes.push(change(file, true));
      } else {
        const existing = this.filesAt(n - 1, plannedTotal);
        if (this.filesAt(n, plannedTotal) > existing) changes.push(change(existing, true));
        const touched = this.filesTouched();
        for (let t = 0; t < touched; t++) {
          // Skewed towards low numbers: a few files change far more often than the rest.
          const file = Math.floor(existing * this.random.next() ** 2);
          if (!changes.some(c => c.file === file)) changes.push(change(file, false));
        }
      }
      this.time += 60 + this.random.int(7200);
      plan.push({
        changes,
        message: commitMessage(this.random, AREAS[changes[0].file % AREAS.length]),
        author: AUTHORS[this.random.int(AUTHORS.length)],
        time: this.time,
        tag: (n + 1) % tagEvery === 0 ? `v1.${(n + 1) / tagEvery}.0` : undefined
      });
    }
    return plan;
  }

  /** How many files a commit edits: mostly one or two, sometimes a handful, rarely dozens. */
  private filesTouched(): number {
    const roll = this.random.int(100);
    if (roll < 50) return 1;
    if (roll < 75) return 2 + this.random.int(2);
    if (roll < 95) return 4 + this.random.int(5);
    return 10 + this.random.int(21);
  }

  /** Files that exist after commit `n` (0-based). */
  private filesAt(n: number, plannedTotal: number): number {
    const { files } = this.shape;
    const initial = Math.max(1, Math.ceil(files / 4));
    if (plannedTotal <= 1) return Math.min(initial, files);
    return Math.min(files, initial + Math.floor(((files - initial) * n) / (plannedTotal - 1)));
  }

  private nextVersion(file: number, change: Change): string {
    const random = new Random(change.seed);
    if (change.created) {
      this.contents[file] = Array.from({ length: 40 + random.int(120) }, () => codeLine(random));
    } else {
      const lines = this.contents[file];
      const edits = 1 + random.int(4);
      for (let e = 0; e < edits; e++) {
        const at = random.int(lines.length);
        const kind = random.int(10);
        if (kind < 5) lines[at] = codeLine(random);
        else if (kind < 8 || lines.length < 20) lines.splice(at, 0, codeLine(random));
        else lines.splice(at, 1);
      }
      // Files grow slowly, and are split up in real projects before they grow large.
      if (lines.length > 300) lines.splice(0, 100);
    }
    return this.contents[file].join('');
  }
}
