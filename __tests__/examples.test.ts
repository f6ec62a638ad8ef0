import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { ROOT } from './support/runner.js';

/** The one name users pin, in the README, the examples and the CHANGELOG alike. */
const USES = 'your-org/clone-cache-action@v1';
/** The step id the README and the examples give the action's step. */
const STEP_ID = 'clone';

interface ActionYml {
  name: string;
  description: string;
  author: string;
  branding: { icon: string; color: string };
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string; post: string };
}

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** Parses YAML strictly: a syntax error, a duplicate key or a warning fails the test. */
function parseYaml(text: string, where: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const problems = [...doc.errors, ...doc.warnings].map(problem => `${where}: ${problem.message}`);
  expect(problems).toEqual([]);
  return doc.toJS();
}

const action = parseYaml(read('action.yml'), 'action.yml') as ActionYml;
const inputs = Object.keys(action.inputs);
const outputs = Object.keys(action.outputs);
const packageJson = JSON.parse(read('package.json')) as Record<string, unknown>;

type Node = Record<string, unknown>;
const isObject = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every object in a parsed document that has a `uses:` key. */
function usesSteps(value: unknown): Node[] {
  if (Array.isArray(value)) return value.flatMap(usesSteps);
  if (!isObject(value)) return [];
  const own = typeof value.uses === 'string' ? [value] : [];
  return [...own, ...Object.values(value).flatMap(usesSteps)];
}

const isThisAction = (uses: unknown, local = false) =>
  typeof uses === 'string' &&
  (/(^|\/)clone-cache-action(@|$)/.test(uses) || (local && uses === './action'));

/** What is wrong with the steps of one workflow (or snippet) that use this action. */
function stepProblems(parsed: unknown, text: string, where: string, local = false): string[] {
  const problems: string[] = [];
  const steps = usesSteps(parsed).filter(step => isThisAction(step.uses, local));
  const ids = new Set([STEP_ID]);
  for (const step of steps) {
    if (step.uses !== USES && !(local && step.uses === './action')) {
      problems.push(`${where}: uses ${String(step.uses)}, not ${USES}`);
    }
    if (typeof step.id === 'string') ids.add(step.id);
    if (step.with !== undefined && !isObject(step.with))
      problems.push(`${where}: with is not a map`);
    for (const name of Object.keys(isObject(step.with) ? step.with : {})) {
      if (!inputs.includes(name)) problems.push(`${where}: input '${name}' is not in action.yml`);
    }
  }
  for (const [, id, output] of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
    if (ids.has(id) && !outputs.includes(output)) {
      problems.push(`${where}: output '${output}' is not in action.yml`);
    }
  }
  return problems;
}

describe('action.yml metadata', () => {
  test('names the action, its author and its branding, with no placeholder', () => {
    expect(action.name).toBe('Clone cache checkout');
    expect(action.author).toMatch(/\S/);
    // The package's name as the author was a placeholder.
    expect(action.author).not.toBe(packageJson.name);
    expect(action.branding).toEqual({ icon: expect.any(String), color: expect.any(String) });
    expect(action.runs).toEqual({
      using: 'node24',
      main: 'dist/main/index.js',
      post: 'dist/post/index.js'
    });
  });

  test('the description makes only the measured claims, each against something', () => {
    const description = action.description.replace(/\s+/g, ' ');
    expect(description).not.toMatch(/many times faster|free/i);
    expect(description).toMatch(/depth-1 fetch/);
    expect(description).toMatch(/full clone/);
  });

  test('package.json carries the license that LICENSE grants', () => {
    expect(packageJson.license).toBe('MIT');
    expect(read('LICENSE')).toMatch(/^MIT License\n/);
  });
});

const exampleFiles = readdirSync(path.join(ROOT, 'examples')).filter(file => /\.ya?ml$/.test(file));

describe('examples/', () => {
  test('holds a workflow for each scenario of the README', () => {
    expect(exampleFiles.sort()).toEqual([
      'hosted-matrix.yml',
      'hosted.yml',
      'replace-checkout.yml',
      'self-hosted-cache-dir.yml'
    ]);
  });

  test.each(exampleFiles)(
    '%s is a valid workflow whose use of the action matches action.yml',
    file => {
      const text = read(path.join('examples', file));
      const workflow = parseYaml(text, file) as Node;
      expect(workflow).toEqual(
        expect.objectContaining({ name: expect.any(String), on: expect.anything() })
      );
      expect(isObject(workflow.permissions)).toBe(true);
      const jobs = workflow.jobs as Record<string, Node>;
      expect(Object.keys(jobs).length).toBeGreaterThan(0);
      for (const job of Object.values(jobs)) {
        // Linux runners only.
        expect(JSON.stringify(job['runs-on'])).not.toMatch(/windows|macos/i);
        expect(Array.isArray(job.steps)).toBe(true);
      }
      expect(usesSteps(workflow).filter(step => isThisAction(step.uses)).length).toBeGreaterThan(0);
      expect(stepProblems(workflow, text, file)).toEqual([]);
    }
  );

  test('every example is linked from the README', () => {
    const readme = read('README.md');
    const unlinked = exampleFiles.filter(file => !readme.includes(`](examples/${file})`));
    expect(unlinked).toEqual([]);
  });
});

describe('the README', () => {
  const readme = read('README.md');
  const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map(match => match[1]);

  test('names the action one way everywhere', () => {
    for (const file of ['README.md', 'CHANGELOG.md', ...exampleFiles.map(f => `examples/${f}`)]) {
      const names = [...read(file).matchAll(/[\w.-]+\/clone-cache-action@[\w.-]+/g)];
      expect([file, names.filter(([name]) => name !== USES).map(([name]) => name)]).toEqual([
        file,
        []
      ]);
    }
  });

  test('yaml snippets are valid YAML whose use of the action matches action.yml', () => {
    expect(blocks.length).toBeGreaterThan(0);
    const problems = blocks.flatMap((block, index) =>
      stepProblems(parseYaml(block, `README yaml block ${index + 1}`), block, `block ${index + 1}`)
    );
    expect(problems).toEqual([]);
  });

  test('every usage snippet that is a whole job shows its permissions', () => {
    const jobs = blocks.map(block => parseYaml(block, 'README') as unknown).filter(isObject);
    const withJobs = jobs.filter(parsed => 'jobs' in parsed);
    expect(withJobs.length).toBeGreaterThanOrEqual(3);
    expect(withJobs.filter(parsed => !isObject(parsed.permissions))).toEqual([]);
  });
});

describe('.github/workflows', () => {
  const workflows = readdirSync(path.join(ROOT, '.github', 'workflows')).filter(file =>
    /\.ya?ml$/.test(file)
  );
  const load = (file: string) => {
    const text = read(path.join('.github', 'workflows', file));
    return { text, workflow: parseYaml(text, file) as Node };
  };

  test.each(workflows)('%s is valid YAML; its use of the action matches action.yml', file => {
    const { text, workflow } = load(file);
    expect(stepProblems(workflow, text, file, true)).toEqual([]);
  });

  test('CI runs the README test command on Node 20 and 24', () => {
    const { workflow } = load('ci.yml');
    const test = (workflow.jobs as Record<string, Node>).test;
    expect((test.strategy as { matrix: { node: number[] } }).matrix.node).toEqual([20, 24]);
    expect(JSON.stringify(test.steps)).toContain('bash .ci/run');
  });

  test('the release tags only a commit that passed the tests, with the one write permission', () => {
    const { workflow } = load('release.yml');
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const jobs = workflow.jobs as Record<string, Node>;
    expect((jobs.test.strategy as { matrix: { node: number[] } }).matrix.node).toEqual([20, 24]);
    expect(JSON.stringify(jobs.test.steps)).toContain('bash .ci/run');
    expect(jobs.tag.needs).toEqual(expect.arrayContaining(['test']));
    expect(jobs.tag.permissions).toEqual({ contents: 'write' });
    const script = JSON.stringify(jobs.tag.steps);
    expect(script).toContain('git push origin \\"refs/tags/v$VERSION\\"');
    expect(script).toContain('git push --force origin \\"refs/tags/$major\\"');
  });
});

describe("the release workflow's tag step", () => {
  const workflow = parseYaml(read('.github/workflows/release.yml'), 'release.yml') as Node;
  const steps = (workflow.jobs as Record<string, Node>).tag.steps as Node[];
  const script = steps.find(step => step.name === 'Tag vX.Y.Z and move vX')?.run as string;

  const git = (cwd: string, ...args: string[]) => {
    const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
    return result.stdout.trim();
  };

  /** Runs the step's script for a version in a clone of a bare origin; returns origin's tags. */
  function release(dir: string, version: string): Record<string, string> {
    const sha = git(path.join(dir, 'clone'), 'rev-parse', 'HEAD');
    const result = spawnSync('bash', ['-c', script], {
      cwd: path.join(dir, 'clone'),
      encoding: 'utf8',
      env: { ...process.env, VERSION: version, SHA: sha }
    });
    expect(result.stderr + result.stdout).not.toMatch(/fatal|error/i);
    expect(result.status).toBe(0);
    const tags = git(path.join(dir, 'origin.git'), 'tag', '--list');
    return Object.fromEntries(
      tags
        .split('\n')
        .filter(Boolean)
        .map(tag => [tag, git(path.join(dir, 'origin.git'), 'rev-parse', `${tag}^{commit}`)])
    );
  }

  test('tags vX.Y.Z and moves vX to the newest release of X only', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'release-tags-'));
    try {
      git(dir, 'init', '-q', '--bare', 'origin.git');
      git(dir, 'clone', '-q', 'origin.git', 'clone');
      const clone = path.join(dir, 'clone');
      const commit = (message: string) => {
        git(
          clone,
          '-c',
          'user.name=t',
          '-c',
          'user.email=t@t',
          'commit',
          '-q',
          '--allow-empty',
          '-m',
          message
        );
        git(clone, 'push', '-q', 'origin', 'HEAD:refs/heads/main');
        return git(clone, 'rev-parse', 'HEAD');
      };
      const first = commit('one');
      expect(release(dir, '1.0.0')).toEqual({ 'v1.0.0': first, v1: first });
      const second = commit('two');
      expect(release(dir, '1.1.0')).toEqual({ 'v1.0.0': first, 'v1.1.0': second, v1: second });
      // A patch of an older minor version does not move v1 back.
      const third = commit('three');
      expect(release(dir, '1.0.1')).toEqual({
        'v1.0.0': first,
        'v1.0.1': third,
        'v1.1.0': second,
        v1: second
      });
      const fourth = commit('four');
      expect(release(dir, '2.0.0')).toMatchObject({ v1: second, 'v2.0.0': fourth, v2: fourth });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
