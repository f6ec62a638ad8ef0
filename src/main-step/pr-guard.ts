import { ActionError } from '../errors.js';
import type { Settings } from '../inputs/settings.js';
import type { RunnerContext } from '../runner-context.js';
import { isWorkflowRepository } from './sync-clone.js';

/** Events that run with the base repository's token, secrets and default-branch cache scope. */
const TRUSTED_CONTEXT_EVENTS = ['pull_request_target', 'workflow_run'];
const PULL_REQUEST_REF = /^refs\/pull\/[0-9]+\/(?:head|merge)$/;
const COMMIT_SHA = /^(?:[0-9a-fA-F]{40}|[0-9a-fA-F]{64})$/;

type CheckoutInputs = Pick<Settings, 'repository' | 'ref'>;

/**
 * The event in which this job checks out a fork's pull request head ('' when it does not), by
 * actions/checkout v7's rule: a pull_request_target run, or a workflow_run after a pull request
 * run, whose head repository is not the base, and the checkout names the head's repository, a
 * refs/pull/N/{head,merge} ref or one of the head's commits.
 *
 * The default self-checkout (this repository, no ref) is never one: in these events GitHub sets
 * GITHUB_REF and GITHUB_SHA to the base repository's default branch, which is trusted code.
 */
export function forkPrCheckout(settings: CheckoutInputs, context: RunnerContext): string {
  if (!TRUSTED_CONTEXT_EVENTS.includes(context.eventName)) return '';
  if (!settings.ref && isWorkflowRepository(settings, context)) return '';
  const head = context.pullRequestHead;
  if (!head || head.baseRepoId === undefined) return '';
  if (head.headRepoId === undefined || head.headRepoId === head.baseRepoId) return '';
  const ref = settings.ref;
  const namesHeadRepository =
    head.headRepoFullName !== '' &&
    settings.repository.toLowerCase() === head.headRepoFullName.toLowerCase();
  const namesHeadCommit = COMMIT_SHA.test(ref) && head.headShas.includes(ref.toLowerCase());
  return namesHeadRepository || PULL_REQUEST_REF.test(ref) || namesHeadCommit
    ? context.eventName
    : '';
}

/** Refuses a fork pull request head in a trusted-context run unless allow-unsafe-pr-checkout. */
export function refuseUnsafePrCheckout(settings: Settings, context: RunnerContext): void {
  const event = forkPrCheckout(settings, context);
  if (!event || settings.allowUnsafePrCheckout) return;
  throw new ActionError(
    'Fork pull request checkout refused',
    `Refusing to check out a fork's pull request code in a '${event}' run. This run has the base repository's token, secrets, runner and the default branch's cache scope; fetching a fork's code into it and running that code is the "pwn request" attack (https://gh.io/securely-using-pull_request_target). Check out the base repository instead (leave repository and ref empty), or, having reviewed the risk, set 'allow-unsafe-pr-checkout: true' on this step (such a run never saves a cache entry).`
  );
}
