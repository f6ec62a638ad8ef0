import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * A stand-in for the `ssh` program: the test machines have an ssh client but no sshd, so, as git's
 * own test suite does with its GIT_SSH wrapper, a script named `ssh` first on PATH records how it
 * was called (argv, and the key and known_hosts files as they were at that moment), then runs the
 * remote command (`git-upload-pack '<path>'`) here, in `reposRoot`, so that real git speaks the
 * real protocol over the ssh transport. Like ssh with StrictHostKeyChecking=yes, it refuses a host
 * that the known_hosts file it was given does not name.
 */
export interface SshStandIn {
  /** Put first on the job's PATH. */
  binDir: string;
  /** Every call so far, oldest first. */
  calls(): SshCall[];
}

export interface SshCall {
  argv: string[];
  /** The `-i` file, its mode (octal text, e.g. '600') and content when ssh ran. */
  keyFile: string;
  keyMode: string;
  keyText: string;
  /** The UserKnownHostsFile given, and its content when ssh ran. */
  knownHostsFile: string;
  knownHostsText: string;
}

const SCRIPT = `#!/bin/sh
record="$(mktemp -d "$STANDIN_RECORDS/call.$(date +%s%N).XXXXXX")"
: > "$record/argv"
for arg in "$@"; do printf '%s\\0' "$arg" >> "$record/argv"; done
key=''; known=''; strict=''; prev=''; host=''; command=''
for arg in "$@"; do
  case "$prev:$arg" in
    -i:*) key="$arg" ;;
    -o:UserKnownHostsFile=*) known="\${arg#UserKnownHostsFile=}" ;;
    -o:StrictHostKeyChecking=yes) strict=yes ;;
  esac
  host="$command"; command="$arg"; prev="$arg"
done
if [ -n "$key" ]; then
  printf '%s' "$key" > "$record/key-file"
  stat -c %a "$key" > "$record/key-mode" 2>/dev/null
  cat "$key" > "$record/key" 2>/dev/null
fi
if [ -n "$known" ]; then
  printf '%s' "$known" > "$record/known-file"
  cat "$known" > "$record/known" 2>/dev/null
fi
host="\${host#*@}"
if [ "$strict" = yes ] && ! grep -q "^$host[ ,]" "$known" 2>/dev/null; then
  echo "No host key is known for $host and you have requested strict checking." >&2
  echo "Host key verification failed." >&2
  exit 255
fi
cd "$STANDIN_REPOS" && exec sh -c "$command"
`;

function readOr(file: string, fallback = ''): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}

/** Installs the stand-in in `dir`; `git@host:owner/name.git` reaches `<reposRoot>/owner/name.git`. */
export function installSshStandIn(dir: string, reposRoot: string): SshStandIn {
  const binDir = path.join(dir, 'bin');
  const records = path.join(dir, 'records');
  mkdirSync(binDir, { recursive: true });
  mkdirSync(records, { recursive: true });
  // The paths are baked in: git hands ssh the environment of the action's own git commands.
  const script = SCRIPT.replace(
    '#!/bin/sh\n',
    `#!/bin/sh\nSTANDIN_RECORDS='${records}'\nSTANDIN_REPOS='${reposRoot}'\n`
  );
  writeFileSync(path.join(binDir, 'ssh'), script);
  chmodSync(path.join(binDir, 'ssh'), 0o755);
  return {
    binDir,
    calls: () =>
      readdirSync(records, { withFileTypes: true })
        .filter(entry => entry.isDirectory())
        .map(entry => path.join(records, entry.name))
        .sort()
        .map(record => ({
          argv: readOr(`${record}/argv`).split('\0').slice(0, -1),
          keyFile: readOr(`${record}/key-file`),
          keyMode: readOr(`${record}/key-mode`).trim(),
          keyText: readOr(`${record}/key`),
          knownHostsFile: readOr(`${record}/known-file`),
          knownHostsText: readOr(`${record}/known`)
        }))
  };
}

/** A job environment whose PATH finds the stand-in first. */
export function standInPath(standIn: SshStandIn): string {
  return `${standIn.binDir}${path.delimiter}${process.env.PATH ?? ''}`;
}
