import * as core from '@actions/core';
import { ActionError } from '../errors.js';
import { classifyFailure } from './classify.js';
import { fixOwnership } from './fix.js';
import { buildReport, troubleshootingLink, type Report } from './help.js';
import { chownTarget, describeOwner, runnerIdentity } from './ownership.js';
import { findForeignEntry } from './scan.js';

export interface DiagnosisSettings {
  /** diagnose-permissions: false turns all of this off; errors stay exactly as raised. */
  enabled: boolean;
  fixOwnership: boolean;
  /** The directories the action writes: the only ones it may scan or chown. */
  roots: string[];
}

/** An error that already carries the permission help (so an outer stage does not wrap it again). */
export class PermissionError extends ActionError {}

export interface StageOptions {
  /** Directory that relative paths in git's messages are relative to. */
  cwd?: string;
  /** What the stage was writing, when the error names no path. */
  writing?: string;
}

/** Turns permission-class failures into annotated, actionable errors (README: Troubleshooting). */
export class Diagnoser {
  constructor(readonly settings: DiagnosisSettings) {}

  /** The help for a permission-class failure, or undefined for any other failure. */
  async describe(
    stage: string,
    error: unknown,
    options: StageOptions = {}
  ): Promise<Report | undefined> {
    if (!this.settings.enabled || error instanceof PermissionError) return undefined;
    const failure = classifyFailure(error, options.cwd);
    if (failure.kind === 'other') return undefined;
    const writing = options.writing ?? options.cwd ?? this.settings.roots[0] ?? process.cwd();
    return buildReport(stage, failure, writing, this.settings.roots);
  }

  /**
   * Runs a stage that must succeed. A permission-class failure fails it with one titled error
   * and the help; with fix-ownership, the offending directory is given to the runner user and
   * the stage runs once more.
   */
  async stage<T>(stage: string, work: () => Promise<T>, options: StageOptions = {}): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const report = await this.describe(stage, error, options);
      if (!report) throw error;
      if (
        this.settings.fixOwnership &&
        report.fixDir &&
        fixOwnership(report.fixDir, this.settings.roots)
      ) {
        try {
          return await work();
        } catch (again) {
          const second = await this.describe(stage, again, options);
          if (!second) throw again;
          throw new PermissionError(second.title, second.message);
        }
      }
      throw new PermissionError(report.title, report.message);
    }
  }

  /**
   * Pre-flight: warns (before anything fails) about the first entry under the action's roots
   * that the runner user does not own; with fix-ownership, gives it back at once.
   */
  async preflight(): Promise<void> {
    const runner = runnerIdentity();
    // Root can write anywhere: nothing to warn about, and handing other users' files to root
    // would break the next job that runs as that user.
    if (!this.settings.enabled || !runner || runner.uid === 0) return;
    const found = await findForeignEntry(this.settings.roots, runner)
      .then(async foreign =>
        foreign
          ? { foreign, dir: await chownTarget(foreign.path, runner, this.settings.roots) }
          : undefined
      )
      .catch(() => undefined);
    if (!found) return;
    const { foreign, dir } = found;
    if (this.settings.fixOwnership && fixOwnership(dir, this.settings.roots)) return;
    core.warning(
      [
        `${foreign.path} is owned by ${describeOwner(foreign.owner)}, but this job runs as ${describeOwner(runner)}; steps that write there will fail.`,
        `Fix: sudo chown -R ${runner.uid}:${runner.gid} ${dir}`,
        'Or set fix-ownership: true to let the action do it (needs root or passwordless sudo).',
        `More: ${troubleshootingLink()}`
      ].join('\n'),
      { title: `Not owned by the runner user: ${foreign.path}` }
    );
  }
}
