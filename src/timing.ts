import { readFileSync } from 'node:fs';

export type Phase = 'restore' | 'seed' | 'clone' | 'fetch' | 'verify' | 'checkout' | 'worktree';

/** Wall time of each phase of the main step, in milliseconds. */
export class PhaseTimer {
  readonly durations = new Map<Phase, number>();

  async time<T>(phase: Phase, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.durations.set(phase, (this.durations.get(phase) ?? 0) + performance.now() - start);
    }
  }

  /** Seconds spent in each phase that ran. */
  allSeconds(): Partial<Record<Phase, number>> {
    return Object.fromEntries([...this.durations].map(([phase, ms]) => [phase, ms / 1000]));
  }
}

/** Peak resident memory of this process, in MiB. */
export function peakMemoryMiB(): number {
  // VmHWM, not getrusage: Linux carries the peak of the parent that forked this process (the
  // runner) into getrusage's maxRSS across the exec, so that reports the runner's size, not ours.
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Math.round(Number(hwm[1]) / 1024);
  } catch {
    // no /proc (macOS): getrusage is the best there is
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
