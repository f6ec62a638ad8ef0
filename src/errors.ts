import * as core from '@actions/core';

/** A failure the user can act on: it carries the annotation title shown in the run's summary. */
export class ActionError extends Error {
  constructor(
    readonly title: string,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options);
    this.name = 'ActionError';
  }
}

/**
 * The cache could not be used and the job clones instead: `reason` is what the user reads in the
 * `fallback-reason` output, `cause` the error behind it (for the permission diagnosis).
 */
export interface Fallback {
  reason: string;
  cause?: unknown;
}

/** A bad input value: the message names the input and what it accepts. */
export class InputError extends ActionError {
  constructor(
    readonly input: string,
    message: string
  ) {
    super(`Invalid input '${input}'`, `Input '${input}': ${message}`);
    this.name = 'InputError';
  }
}

/** The one place that turns anything thrown into a message. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

/** Fails the step with one annotation that says what went wrong and what to do. */
export function failStep(error: unknown): void {
  const title = error instanceof ActionError ? error.title : 'Clone cache failed';
  core.error(errorMessage(error), { title });
  process.exitCode = 1;
}

/** The post step never fails the job: every problem becomes a warning. */
export function warnPost(what: string, error: unknown): void {
  core.warning(`${what}: ${errorMessage(error)}`, { title: 'Clone cache post step' });
}
