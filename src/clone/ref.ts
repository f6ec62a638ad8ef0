import { ActionError } from '../errors.js';
import type { Repository } from '../git/repository.js';

/** What the user asked for, before anything is fetched. */
export interface RefRequest {
  /** A branch or tag name, a full ref (refs/heads/x, refs/pull/1/merge), a commit sha, or ''. */
  ref: string;
  /** The commit the event names, when known: it wins over where the ref points now. */
  sha: string;
}

export type TargetKind = 'branch' | 'tag' | 'commit' | 'ref';

/** What will be checked out. */
export interface Target {
  kind: TargetKind;
  /** Branch or tag name, the full ref, or the sha. */
  name: string;
  commit: string;
}

const FULL_SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** A ref outside heads and tags (e.g. refs/pull/1/merge) needs its own refspec to be fetched. */
export function extraRefspecFor(ref: string): string | undefined {
  if (!ref.startsWith('refs/') || ref.startsWith('refs/heads/') || ref.startsWith('refs/tags/')) {
    return undefined;
  }
  return `+${ref}:refs/remotes/origin/${ref.slice('refs/'.length)}`;
}

/** With fetch-tags false no tag is fetched but the one `ref` names, when it is a full tag ref. */
export function tagRefspecFor(ref: string, fetchTags: boolean): string | undefined {
  return !fetchTags && ref.startsWith('refs/tags/') ? `+${ref}:${ref}` : undefined;
}

function notFound(ref: string, originUrl: string): ActionError {
  return new ActionError(
    'Ref not found',
    `'${ref}' is neither a branch nor a tag of ${originUrl}, nor a commit it serves. Check the ref input.`
  );
}

/** Brings what the first fetch did not: a sha, or (when tags are not fetched) one tag by name. */
export interface MissingFetcher {
  commit: (sha: string) => Promise<void>;
  /** Fetches the tag; false when origin has none. Absent: every tag was fetched already. */
  tag?: (name: string) => Promise<boolean>;
}

/** Resolves the request against the fetched clone; `fetchMissing` brings a sha or tag it lacks. */
export async function resolveTarget(
  repo: Repository,
  request: RefRequest,
  originUrl: string,
  fetchMissing: MissingFetcher
): Promise<Target> {
  const { ref, sha } = request;
  let target: Target;
  if (ref.startsWith('refs/heads/')) {
    target = { kind: 'branch', name: ref.slice('refs/heads/'.length), commit: '' };
  } else if (ref.startsWith('refs/tags/')) {
    target = { kind: 'tag', name: ref.slice('refs/tags/'.length), commit: '' };
  } else if (ref.startsWith('refs/')) {
    target = { kind: 'ref', name: ref, commit: '' };
  } else if (FULL_SHA.test(ref)) {
    target = { kind: 'commit', name: ref, commit: ref };
  } else if (await repo.resolveCommit(`refs/remotes/origin/${ref}`)) {
    target = { kind: 'branch', name: ref, commit: '' };
  } else if (
    // A cached tag may have moved or gone on origin: the fetch has the last word.
    fetchMissing.tag ? await fetchMissing.tag(ref) : await repo.resolveCommit(`refs/tags/${ref}`)
  ) {
    target = { kind: 'tag', name: ref, commit: '' };
  } else {
    throw notFound(ref, originUrl);
  }

  const wanted = sha || target.commit;
  if (wanted) {
    if (!(await repo.resolveCommit(wanted))) await fetchMissing.commit(wanted);
    target.commit = await repo.resolveCommit(wanted);
    if (!target.commit) throw notFound(wanted, originUrl);
    return target;
  }
  const local =
    target.kind === 'branch'
      ? `refs/remotes/origin/${target.name}`
      : target.kind === 'tag'
        ? `refs/tags/${target.name}`
        : `refs/remotes/origin/${target.name.slice('refs/'.length)}`;
  target.commit = await repo.resolveCommit(local);
  if (!target.commit) throw notFound(ref, originUrl);
  return target;
}
