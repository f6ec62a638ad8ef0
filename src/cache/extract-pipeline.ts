import * as io from '@actions/io';
import { spawn, type ChildProcess } from 'node:child_process';

export type Compression = 'zstd' | 'gzip';

/** The compression of an archive, told by its first bytes (both formats start with a magic). */
export function compressionOf(first: Buffer): Compression | undefined {
  if (first.length >= 4 && first.readUInt32LE(0) === 0xfd2fb528) return 'zstd';
  if (first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b) return 'gzip';
  return undefined;
}

const STDERR_LIMIT = 4096;

interface Exit {
  name: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

function watch(child: ChildProcess, name: string): Promise<Exit> {
  let stderr = '';
  child.stderr?.on('data', (data: Buffer) => {
    if (stderr.length < STDERR_LIMIT) stderr += data.toString('utf8');
  });
  return new Promise(resolve => {
    child.on('error', error => resolve({ name, code: null, signal: null, stderr: error.message }));
    child.on('close', (code, signal) => resolve({ name, code, signal, stderr: stderr.trim() }));
  });
}

function describe(exit: Exit): string {
  const how = exit.signal ? `was killed by ${exit.signal}` : `exited with ${exit.code}`;
  return `${exit.name} ${how}${exit.stderr ? `: ${exit.stderr.split('\n')[0]}` : ''}`;
}

/**
 * `zstd -d | tar -x` (or `gzip -d | tar -x`) into `dir`, fed through `write`. tar runs as the
 * safe-tar wrapper runs it for the library: without -P (leading `/` stripped, `..` members
 * refused) and without restoring owners. Both processes must exit 0 for `end` to succeed.
 */
export class ExtractPipeline {
  private readonly decompressor: ChildProcess;
  private readonly tar: ChildProcess;
  private readonly exits: Promise<Exit[]>;
  private broken?: Error;

  private constructor(decompressor: string[], tar: string, dir: string) {
    this.decompressor = spawn(decompressor[0], decompressor.slice(1), {
      stdio: ['pipe', 'pipe', 'pipe']
    });
    this.tar = spawn(tar, ['-x', '--no-same-owner', '-f', '-', '-C', dir], {
      stdio: [this.decompressor.stdout!, 'ignore', 'pipe']
    });
    // tar holds its own copy of the pipe; without ours, the decompressor learns when tar is gone.
    this.decompressor.stdout!.destroy();
    this.decompressor.stdin!.on('error', error => (this.broken ??= error));
    this.exits = Promise.all([
      watch(this.decompressor, decompressor[0].split('/').pop() ?? 'decompressor'),
      watch(this.tar, 'tar')
    ]);
  }

  /** Undefined when a program it needs is not on PATH. */
  static async start(compression: Compression, dir: string): Promise<ExtractPipeline | undefined> {
    const tar = await io.which('tar', false);
    const program = await io.which(compression, false);
    if (!tar || !program) return undefined;
    // --long=30: the library compresses with a 1 GiB window, and zstd refuses one that large
    // unless told it may use it.
    const args = compression === 'zstd' ? ['-d', '-c', '-q', '--long=30'] : ['-d', '-c'];
    return new ExtractPipeline([program, ...args], tar, dir);
  }

  /** Resolves once the decompressor has taken the bytes (waits for it when its pipe is full). */
  async write(data: Buffer): Promise<void> {
    const stdin = this.decompressor.stdin!;
    if (this.broken) throw new Error(`the extraction stopped: ${this.broken.message}`);
    if (stdin.write(data)) return;
    await new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        stdin.off('drain', onDrain);
        stdin.off('close', onClose);
        if (error) reject(error);
        else resolve();
      };
      const onDrain = () => done();
      const onClose = () => done(new Error('the extraction stopped before the archive ended'));
      stdin.on('drain', onDrain);
      stdin.on('close', onClose);
    });
  }

  /** Ends the input and waits for both programs; throws unless both exited 0. */
  async end(): Promise<void> {
    this.decompressor.stdin!.end();
    const failed = (await this.exits).filter(exit => exit.code !== 0);
    if (failed.length > 0) throw new Error(failed.map(describe).join('; '));
  }

  /** Kills both programs and waits until they are gone. */
  async kill(): Promise<void> {
    this.decompressor.stdin!.destroy();
    for (const child of [this.decompressor, this.tar]) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    await this.exits;
  }
}
