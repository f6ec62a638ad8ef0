export type Phase = 'restore' | 'seed' | 'clone' | 'fetch' | 'checkout' | 'worktree';

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

  seconds(phase: Phase): string {
    const ms = this.durations.get(phase);
    return ms === undefined ? '' : (ms / 1000).toFixed(2);
  }
}
