import * as core from '@actions/core';
import type { Diagnoser, StageOptions } from '../permissions/diagnose.js';
import type { Phase, PhaseTimer } from '../timing.js';

/**
 * Runs the stages of the main step. One label names a stage everywhere: its log group (closed
 * whatever happens), its phase's timer, and its permission diagnosis.
 */
export class StageRunner {
  constructor(
    readonly diagnoser: Diagnoser,
    readonly phases: PhaseTimer
  ) {}

  async run<T>(
    phase: Phase,
    label: string,
    work: () => Promise<T>,
    where: StageOptions = {}
  ): Promise<T> {
    core.startGroup(label);
    try {
      return await this.phases.time(phase, () => this.diagnoser.stage(label, work, where));
    } finally {
      core.endGroup();
    }
  }
}
