import * as core from '@actions/core';
import { promises as fs } from 'node:fs';
import {
  maskSshKey,
  removeSshFiles,
  sshKeyConfig,
  writeSshKey,
  type SshKey
} from '../clone/ssh-key.js';
import { errorMessage, failStep } from '../errors.js';
import { authConfig, basicAuthValue } from '../git/auth.js';
import { Repository } from '../git/repository.js';
import { requireGit } from '../git/version.js';
import { requireGitLfs } from '../lfs/git-lfs.js';
import { parseSettings, validateBranchInputs } from '../inputs/settings.js';
import { Diagnoser } from '../permissions/diagnose.js';
import { checkResolvedPaths } from '../resolved-paths.js';
import { readRunnerContext } from '../runner-context.js';
import { trustDirectory } from '../safe-directories.js';
import { saveMainState, saveSshFiles } from '../state.js';
import { peakMemoryMiB, PhaseTimer } from '../timing.js';
import { cloneIntoPath } from './clone-into-path.js';
import { hostWorktree } from './host-worktree.js';
import { setUpLaterSteps } from './later-steps.js';
import type { Job } from './job.js';
import { chooseMode, diagnosisSettings } from './mode.js';
import { refuseUnsafePrCheckout } from './pr-guard.js';
import type { MainResult } from './result.js';
import { requireLinuxRunner } from './runner-os.js';
import { StageRunner } from './stage.js';
import { checkedOut, outputsOf, stateOf, summaryRowsOf } from './views.js';

function maskSecrets(token: string): void {
  if (!token) return;
  core.setSecret(token);
  core.setSecret(Buffer.from(`x-access-token:${token}`).toString('base64'));
  core.setSecret(basicAuthValue(token));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

async function writeSummary(rows: [string, string][]): Promise<void> {
  await core.summary
    .addHeading('Clone cache', 3)
    .addTable([
      [
        { data: 'Item', header: true },
        { data: 'Value', header: true }
      ],
      // Values can carry names from a cache entry (a refused ref): text, never markup.
      ...rows.map(([item, value]) => [item, escapeHtml(value) || '-'])
    ])
    .write();
}

/** The main step: settings, mode, the mode's stages, then the views of their one result. */
export async function runMainStep(): Promise<void> {
  const started = performance.now();
  let sshKey: SshKey | undefined;
  let preflight: Promise<void> | undefined;
  try {
    const context = readRunnerContext();
    requireLinuxRunner(context);
    // ref is trimmed by its parser alone (see parseRef).
    const read = (name: string) => core.getInput(name, { trimWhitespace: name !== 'ref' });
    const settings = parseSettings(read, context);
    maskSecrets(settings.token);
    if (settings.ssh) maskSshKey(settings.ssh.key);
    refuseUnsafePrCheckout(settings, context);
    // git check-ref-format runs alongside git --version; a missing git is still the error shown.
    const validated = validateBranchInputs(settings);
    validated.catch(() => undefined); // awaited below
    await requireGit();
    if (settings.lfs) await requireGitLfs();
    await validated;
    checkResolvedPaths(settings);
    const mode = chooseMode(settings);
    // Before the first git command in path; not the host clone, whose owner is never overruled.
    if (settings.setSafeDirectory && mode.kind !== 'host-worktree') {
      await trustDirectory(settings.clonePath);
    }
    const diagnoser = new Diagnoser(diagnosisSettings(mode.kind, settings, context));
    // A warning only, unless it gives files back: then it goes first. Otherwise the scan (up to
    // its 2 s bound on a big cache-dir or worktree root) runs beside the job, not before it.
    preflight = diagnoser.preflight();
    if (settings.fixOwnership) await preflight;
    await fs.mkdir(context.workspace, { recursive: true });
    const phases = new PhaseTimer();
    const job: Job = { settings, context, stages: new StageRunner(diagnoser, phases) };
    if (settings.ssh) {
      sshKey = await writeSshKey(settings.ssh, context.runnerTemp);
      saveSshFiles(sshKey.files);
    }
    // The main clone, with the auth that its fetches (and the host clone's) send to origin; the
    // same config is what persist-credentials leaves for later steps.
    const auth = [...authConfig(settings.originUrl, settings.token), ...sshKeyConfig(sshKey)];
    const clone = new Repository(settings.clonePath, auth);
    const done =
      mode.kind === 'host-worktree'
        ? await hostWorktree(job, mode, clone)
        : await cloneIntoPath(job, mode, clone);
    await preflight;
    // As actions/checkout: the key stays for later steps only when credentials persist.
    if (sshKey && !settings.persistCredentials) await removeSshFiles(sshKey.files);
    const result: MainResult = {
      ...done,
      credentials: await setUpLaterSteps(job, done, auth),
      seconds: (performance.now() - started) / 1000,
      phaseSeconds: phases.allSeconds()
    };
    saveMainState(stateOf(result, settings, context));
    for (const [name, value] of Object.entries(outputsOf(result))) core.setOutput(name, value);
    if (process.env.GITHUB_STEP_SUMMARY) await writeSummary(summaryRowsOf(result));
    core.info(`Peak memory of the action process: ${peakMemoryMiB()} MiB`);
    core.info(
      `Ready: ${checkedOut(result)} at ${outputsOf(result).commit} in ${result.seconds.toFixed(2)} s (${result.worktree?.path ?? result.clonePath}).`
    );
  } catch (error) {
    // Its warning, if any, comes before the failure's annotation.
    await preflight?.catch(() => undefined);
    await removeSshFiles(sshKey?.files ?? []).catch(e =>
      core.warning(`Removing the ssh key failed: ${errorMessage(e)}`)
    );
    failStep(error);
  }
}
