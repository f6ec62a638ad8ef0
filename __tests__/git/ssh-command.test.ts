import { expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { gitEnvironment } from '../../src/git/exec.js';
import { shellWord, sshCommand, sshConfig } from '../../src/git/ssh-command.js';

const parts = {
  ssh: '/usr/bin/ssh',
  key: '/runner/_temp/clone-cache-ssh-1',
  knownHosts: '/runner/_temp/clone-cache-ssh-1_known_hosts'
};

test('strict: the options actions/checkout adds, with absolute paths', () => {
  expect(sshCommand({ ...parts, strict: true })).toBe(
    '"/usr/bin/ssh" -i "/runner/_temp/clone-cache-ssh-1" -o StrictHostKeyChecking=yes' +
      ' -o CheckHostIP=no -o "UserKnownHostsFile=/runner/_temp/clone-cache-ssh-1_known_hosts"' +
      ' -o ServerAliveInterval=15 -o ServerAliveCountMax=4'
  );
});

test('not strict: StrictHostKeyChecking and CheckHostIP are left out, the known hosts stay', () => {
  const command = sshCommand({ ...parts, strict: false });
  expect(command).toBe(
    '"/usr/bin/ssh" -i "/runner/_temp/clone-cache-ssh-1"' +
      ' -o "UserKnownHostsFile=/runner/_temp/clone-cache-ssh-1_known_hosts"' +
      ' -o ServerAliveInterval=15 -o ServerAliveCountMax=4'
  );
  expect(command).not.toMatch(/StrictHostKeyChecking|CheckHostIP/);
});

test('a path the shell would change reaches ssh as it is', () => {
  const odd = '/tmp/a b/$HOME/`id`/"q"/back\\slash/it\'s';
  const echoed = execFileSync('sh', ['-c', `printf '%s' ${shellWord(odd)}`]).toString();
  expect(echoed).toBe(odd);
  const argv = execFileSync('sh', [
    '-c',
    `${sshCommand({ ssh: '/bin/echo', key: odd, knownHosts: odd, strict: true })} host`
  ]).toString();
  expect(argv).toBe(
    `-i ${odd} -o StrictHostKeyChecking=yes -o CheckHostIP=no -o UserKnownHostsFile=${odd} -o ServerAliveInterval=15 -o ServerAliveCountMax=4 host\n`
  );
});

test('the command is one core.sshCommand entry, passed in the environment only', () => {
  const command = sshCommand({ ...parts, strict: true });
  expect(sshConfig(command)).toEqual([{ key: 'core.sshCommand', value: command }]);
  const env = gitEnvironment(sshConfig(command));
  const last = Number(env.GIT_CONFIG_COUNT) - 1;
  expect([env[`GIT_CONFIG_KEY_${last}`], env[`GIT_CONFIG_VALUE_${last}`]]).toEqual([
    'core.sshCommand',
    command
  ]);
});
