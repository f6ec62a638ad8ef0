import { gitOutput, gitSucceeds, runGit, type GitResult } from './exec.js';

export { GitError, gitEnvironment, type ConfigEntry, type GitResult } from './exec.js';

export interface GitRunOptions {
  showProgress?: boolean;
  allowFailure?: boolean;
  config?: readonly import('./exec.js').ConfigEntry[];
  input?: string;
}

/** The former interface, on top of the runner (its callers move to Repository). */
export class Git {
  constructor(readonly cwd: string) {}

  at(cwd: string): Git {
    return new Git(cwd);
  }

  run(args: readonly string[], options: GitRunOptions = {}): Promise<GitResult> {
    return runGit(this.cwd, args, { ...options, progress: options.showProgress });
  }

  output(args: readonly string[], options: GitRunOptions = {}): Promise<string> {
    return gitOutput(this.cwd, args, { ...options, progress: options.showProgress });
  }

  succeeds(args: readonly string[]): Promise<boolean> {
    return gitSucceeds(this.cwd, args);
  }

  async resolveCommit(revision: string): Promise<string> {
    const result = await this.run(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], {
      allowFailure: true
    });
    return result.exitCode === 0 ? result.stdout.trim() : '';
  }
}
