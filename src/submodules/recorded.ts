import { gitOutput, runGit } from '../git/exec.js';
import type { Repository } from '../git/repository.js';

/** A submodule the superproject's index records: where it goes and at which commit. */
export interface RecordedSubmodule {
  path: string;
  commit: string;
  /** Its name in .gitmodules (the folder under `modules/`), or '' when .gitmodules has none. */
  name: string;
}

/** The gitlinks (mode 160000) of the index, with their names from the checked-out .gitmodules. */
export async function recordedSubmodules(repo: Repository): Promise<RecordedSubmodule[]> {
  const staged = await gitOutput(repo.dir, ['ls-files', '--stage', '-z']);
  const gitlinks = staged
    .split('\0')
    .filter(line => line.startsWith('160000 '))
    .map(line => {
      const tab = line.indexOf('\t');
      return { path: line.slice(tab + 1), commit: line.split(' ')[1] };
    });
  if (gitlinks.length === 0) return [];
  const listed = await runGit(
    repo.dir,
    ['config', '-z', '--file', '.gitmodules', '--get-regexp', '^submodule\\..*\\.path$'],
    { allowFailure: true }
  );
  const nameOfPath = new Map<string, string>();
  for (const item of listed.stdout.split('\0').filter(Boolean)) {
    const newline = item.indexOf('\n');
    const key = item.slice(0, newline);
    nameOfPath.set(item.slice(newline + 1), key.slice('submodule.'.length, -'.path'.length));
  }
  return gitlinks.map(link => ({ ...link, name: nameOfPath.get(link.path) ?? '' }));
}
