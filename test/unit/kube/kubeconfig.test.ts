import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KubeconfigError, loadKubeconfig, type LoadKubeconfigOptions } from '../../../src/kube/kubeconfig.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kt-kubeconfig-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(dir, name);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  return file;
}

function config(opts: { current?: string; clusters?: string[]; users?: string[]; contexts?: [string, string, string, string?][]; server?: string }): string {
  const lines = ['apiVersion: v1', 'kind: Config'];
  if (opts.current) lines.push(`current-context: ${opts.current}`);
  lines.push('clusters:');
  for (const c of opts.clusters ?? []) lines.push(`- name: ${c}`, '  cluster:', `    server: ${opts.server ?? `https://${c}.example:6443`}`);
  lines.push('users:');
  for (const u of opts.users ?? []) lines.push(`- name: ${u}`, '  user:', `    token: token-${u}`);
  lines.push('contexts:');
  for (const [name, cluster, user, ns] of opts.contexts ?? []) {
    lines.push(`- name: ${name}`, '  context:', `    cluster: ${cluster}`, `    user: ${user}`);
    if (ns) lines.push(`    namespace: ${ns}`);
  }
  return lines.join('\n') + '\n';
}

function load(opts: Partial<LoadKubeconfigOptions>) {
  return loadKubeconfig({ env: {}, home: dir, ...opts });
}

function failure(opts: Partial<LoadKubeconfigOptions>): string {
  try {
    load(opts);
  } catch (err) {
    expect(err).toBeInstanceOf(KubeconfigError);
    const message = (err as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    return message;
  }
  throw new Error('expected a KubeconfigError');
}

const simple = config({ current: 'a', clusters: ['c1'], users: ['u1'], contexts: [['a', 'c1', 'u1', 'team-a'], ['b', 'c1', 'u1']] });

describe('loadKubeconfig', () => {
  it('reads ~/.kube/config and selects current-context with its namespace', () => {
    const file = write('.kube/config', simple);
    const got = load({});
    expect(got).toMatchObject({
      contextName: 'a',
      clusterName: 'c1',
      userName: 'u1',
      server: 'https://c1.example:6443',
      namespace: 'team-a',
      files: [file],
    });
    expect(got.kc.getCurrentContext()).toBe('a');
    expect(got.kc.getCurrentUser()?.token).toBe('token-u1');
  });

  it('--context overrides current-context; namespace falls back to "default"; -n wins', () => {
    write('.kube/config', simple);
    expect(load({ context: 'b' })).toMatchObject({ contextName: 'b', namespace: 'default' });
    expect(load({ context: 'a', namespace: 'other' }).namespace).toBe('other');
  });

  it('--kubeconfig wins over KUBECONFIG and ~/.kube/config', () => {
    write('.kube/config', simple);
    const env = write('env.yaml', config({ current: 'e', clusters: ['ce'], users: ['ue'], contexts: [['e', 'ce', 'ue']] }));
    const flag = write('flag.yaml', config({ current: 'f', clusters: ['cf'], users: ['uf'], contexts: [['f', 'cf', 'uf']] }));
    expect(load({ kubeconfig: flag, env: { KUBECONFIG: env } })).toMatchObject({ contextName: 'f', files: [flag] });
    expect(load({ env: { KUBECONFIG: env } })).toMatchObject({ contextName: 'e', files: [env] });
  });

  it('merges KUBECONFIG files: the first to set a value wins, missing files are skipped', () => {
    const one = write('one.yaml', config({ clusters: ['shared'], users: ['u1'], contexts: [['ctx1', 'shared', 'u1', 'ns-one']], server: 'https://one:6443' }));
    const two = write(
      'two.yaml',
      config({ current: 'ctx1', clusters: ['shared', 'c2'], users: ['u1', 'u2'], contexts: [['ctx1', 'c2', 'u2'], ['ctx2', 'c2', 'u2']], server: 'https://two:6443' }),
    );
    const three = write('three.yaml', config({ current: 'ctx2', clusters: [], users: [], contexts: [] }));
    const missing = join(dir, 'missing.yaml');
    const got = load({ env: { KUBECONFIG: [missing, one, two, three].join(':') } });
    expect(got.files).toEqual([one, two, three]);
    // current-context from two (the first to set it); ctx1, cluster "shared" and user u1 from one.
    expect(got).toMatchObject({ contextName: 'ctx1', clusterName: 'shared', userName: 'u1', server: 'https://one:6443', namespace: 'ns-one' });
    expect(load({ env: { KUBECONFIG: `${one}:${two}` }, context: 'ctx2' })).toMatchObject({ clusterName: 'c2', server: 'https://two:6443' });
  });

  it('resolves relative certificate paths against the file that names them', () => {
    write('certs/ca.crt', 'x');
    const file = write(
      'kc.yaml',
      'current-context: a\nclusters:\n- name: c\n  cluster:\n    server: https://h:6443\n    certificate-authority: certs/ca.crt\n' +
        'users:\n- name: u\n  user: {token: t}\ncontexts:\n- name: a\n  context: {cluster: c, user: u}\n',
    );
    expect(load({ kubeconfig: file }).kc.getCurrentCluster()?.caFile).toBe(join(dir, 'certs/ca.crt'));
  });

  it('missing ~/.kube/config', () => {
    expect(failure({})).toBe(`kt: no kubeconfig found: ${dir}/.kube/config does not exist (set KUBECONFIG or pass --kubeconfig)`);
  });

  it('missing --kubeconfig file', () => {
    expect(failure({ kubeconfig: '/nope/config' })).toBe('kt: no kubeconfig found: /nope/config does not exist (check --kubeconfig)');
  });

  it('no KUBECONFIG file exists', () => {
    expect(failure({ env: { KUBECONFIG: '/nope/a:/nope/b' } })).toBe(
      'kt: no kubeconfig found: /nope/a, /nope/b from KUBECONFIG do not exist (fix KUBECONFIG or pass --kubeconfig)',
    );
  });

  it('unknown context lists the available ones', () => {
    const file = write('config', simple);
    expect(failure({ kubeconfig: file, context: 'foo' })).toBe(`kt: context "foo" not found in ${file} (available: a, b)`);
  });

  it('malformed YAML names the file and the first line of the parser error', () => {
    const file = write('config', 'clusters:\n- name: c\n  cluster:\n    server: https://x\n   bad: [\n');
    const message = failure({ kubeconfig: file });
    expect(message.startsWith(`kt: cannot parse ${file}: `)).toBe(true);
    expect(message).toMatch(/\(\d+:\d+\)$/);
  });

  it('invalid entries, no current context, missing cluster or user', () => {
    const bad = write('bad', 'clusters:\n- name: c\n  cluster: {}\n');
    expect(failure({ kubeconfig: bad })).toBe(`kt: invalid kubeconfig ${bad}: clusters[0].cluster.server is missing`);
    const noCurrent = write('nocur', config({ clusters: ['c1'], users: ['u1'], contexts: [['a', 'c1', 'u1']] }));
    expect(failure({ kubeconfig: noCurrent })).toBe(`kt: no current context in ${noCurrent} (pass --context; available: a)`);
    const empty = write('empty', '# nothing here\n');
    expect(failure({ kubeconfig: empty })).toBe(
      `kt: no contexts in ${empty} (add one with kubectl config set-context or pass another --kubeconfig)`,
    );
    const noCluster = write('nocluster', config({ current: 'a', users: ['u1'], contexts: [['a', 'gone', 'u1']] }));
    expect(failure({ kubeconfig: noCluster })).toBe(`kt: cluster "gone" of context "a" not found in ${noCluster}`);
    const noUser = write('nouser', config({ current: 'a', clusters: ['c1'], contexts: [['a', 'c1', 'ghost']] }));
    expect(failure({ kubeconfig: noUser })).toBe(`kt: user "ghost" of context "a" not found in ${noUser}`);
  });

  it('a client certificate file that does not exist', () => {
    const file = write(
      'kc',
      'current-context: a\nclusters:\n- name: c\n  cluster: {server: "https://h:6443"}\n' +
        'users:\n- name: u\n  user: {client-certificate: u.crt, client-key: u.key}\ncontexts:\n- name: a\n  context: {cluster: c, user: u}\n',
    );
    expect(failure({ kubeconfig: file })).toBe(
      `kt: client-certificate ${join(dir, 'u.crt')} of user "u" in ${file} does not exist (fix the path in the kubeconfig)`,
    );
  });

  it('plain http needs insecure-skip-tls-verify', () => {
    const file = write('kc', config({ current: 'a', clusters: ['c'], users: ['u'], contexts: [['a', 'c', 'u']], server: 'http://h:8080' }));
    expect(failure({ kubeconfig: file })).toBe(
      `kt: cluster "c" in ${file} uses plain http:// (use https://, or set insecure-skip-tls-verify: true to allow it)`,
    );
  });
});
