/* eslint-disable no-control-regex -- the tests read ANSI colour codes */
// `y`: kt's YAML against `kubectl get -o yaml` of the same version on the sandbox, byte for byte,
// for a pod, a deployment, a DaemonSet, a node and a service; and the YAML view driven through
// the real binary: live while open with the scroll kept, `/` search, `m` managedFields, `:w PATH`.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createKubeClient } from '../../src/kube/client.js';
import { loadKubeconfig } from '../../src/kube/kubeconfig.js';
import { fetchObject, objectYaml } from '../../src/yaml/object-yaml.js';
import { spawnKt, type KtPty } from '../helpers/pty.js';
import { kubeconfigPath, kubectlPath } from '../helpers/sandbox.js';

const run = promisify(execFile);
const client = createKubeClient(loadKubeconfig({ kubeconfig: kubeconfigPath }).kc);
const dir = mkdtempSync(join(tmpdir(), 'kt-yaml-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function kubectl(...args: string[]): Promise<string> {
  const { stdout } = await run(kubectlPath(), ['--kubeconfig', kubeconfigPath, ...args], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

async function firstName(kind: string, namespace?: string): Promise<string> {
  const ns = namespace ? ['-n', namespace] : [];
  const out = await kubectl('get', kind, ...ns, '-o', 'jsonpath={.items[*].metadata.name}');
  const name = out.split(' ').filter(Boolean).sort()[0];
  if (!name) throw new Error(`no ${kind} in the sandbox`);
  return name;
}

/** kt's text and kubectl's, read together; a node's heartbeat may land between, so three tries. */
async function both(kind: string, namespace: string | undefined, name: string, kubectlType: string): Promise<{ kt: string; kubectl: string }> {
  let last = { kt: '', kubectl: 'not read' };
  for (let attempt = 0; attempt < 3 && last.kt !== last.kubectl; attempt++) {
    const ns = namespace ? ['-n', namespace] : [];
    const [obj, text] = await Promise.all([fetchObject(client, kind, namespace, name), kubectl('get', kubectlType, name, ...ns, '-o', 'yaml')]);
    last = { kt: objectYaml(obj), kubectl: text };
  }
  return last;
}

describe('y prints what kubectl get -o yaml prints', () => {
  const cases: [string, string | undefined, string, string][] = [
    ['pods', 'kube-system', '', 'pod'],
    ['deployments', 'default', 'nginx-deployment', 'deployment'],
    ['daemonsets', 'kube-system', 'kube-proxy', 'daemonset'],
    ['nodes', undefined, 'k8snode01', 'node'],
    ['services', 'default', 'kubernetes', 'service'],
  ];
  for (const [kind, namespace, fixed, type] of cases) {
    it(`a ${type}`, async () => {
      const name = fixed || (await firstName(kind, namespace));
      const { kt, kubectl: want } = await both(kind, namespace, name, type);
      expect(kt).toBe(want);
      expect(kt).toMatch(/^apiVersion: .*\nkind: /m);
      expect(kt).not.toContain('managedFields');
    });
  }
});

describe('the YAML view in the real binary', () => {
  const running: KtPty[] = [];
  afterEach(async () => {
    for (const pty of running.splice(0)) await pty.dispose();
  });

  it('y on a DaemonSet shows its YAML live, keeps the scroll, searches, shows managedFields and writes with :w', async () => {
    const t = spawnKt(['--kubeconfig', kubeconfigPath, '-n', 'kube-system', '--readonly'], { cols: 120, rows: 40 });
    running.push(t);
    await t.waitFor(/kube-proxy/, 30_000);
    t.press(':', ...'ds', 'Enter');
    await t.waitFor(/DaemonSets\(kube-system\)/, 15_000);
    t.press('/', ...'kube-proxy', 'Enter');
    await t.waitFor(/DaemonSets\(kube-system\)\[1\/\d+\]/, 15_000);
    t.press('y');
    let screen = await t.waitFor((s) => s.includes('YAML DaemonSet kube-system/kube-proxy') && /║apiVersion: apps\/v1/.test(s), 15_000);
    expect(screen).not.toContain('managedFields:');
    // Keys and strings are coloured (SGR codes around them). Ink merges a run of cells of one
    // style, so the border before the key is in the key's run when both have the same colour.
    expect(t.rawOutput()).toMatch(/\x1b\[3\dm║?kind\x1b\[39m: \x1b\[3\dmDaemonSet/);
    // Scroll down a few lines, then change the object: the view redraws with the change, same top line.
    t.press('j', 'j', 'j');
    screen = await t.waitFor(/\[4-\d+\/\d+\]/, 10_000);
    const top = screen.split('\n').find((l) => l.startsWith('║'));
    await kubectl('annotate', 'daemonset', 'kube-proxy', '-n', 'kube-system', '--overwrite', 'kt-yaml-e2e=changed');
    screen = await t.waitFor(/kt-yaml-e2e: changed/, 15_000);
    expect(screen).toMatch(/\[4-\d+\/\d+\]/);
    expect(screen.split('\n').find((l) => l.startsWith('║'))).toBe(top);
    await kubectl('annotate', 'daemonset', 'kube-proxy', '-n', 'kube-system', 'kt-yaml-e2e-');
    await t.waitFor((s) => !s.includes('kt-yaml-e2e'), 15_000);
    // Search.
    t.press('/', ...'updateStrategy', 'Enter');
    await t.waitFor(/match 1\/1 for "updateStrategy"/, 10_000);
    // managedFields on and off (they sit under metadata, at the top).
    t.press('g', 'm');
    await t.waitFor(/║ {2}managedFields:/, 10_000);
    t.press('m');
    await t.waitFor((s) => !s.includes('managedFields:') && s.includes('║  creationTimestamp:'), 10_000);
    // :w writes the text shown: kubectl's YAML of the same object.
    const path = join(dir, 'kube-proxy.yaml');
    t.press(':', ...`w ${path}`, 'Enter');
    await t.waitFor(/kube-proxy\.yaml" \d+L, \d+B written/, 10_000);
    expect(readFileSync(path, 'utf8')).toBe(await kubectl('get', 'daemonset', 'kube-proxy', '-n', 'kube-system', '-o', 'yaml'));
  });

  it('has no colour under NO_COLOR', async () => {
    const t = spawnKt(['--kubeconfig', kubeconfigPath, '-n', 'kube-system', '--readonly'], { cols: 120, rows: 40, env: { NO_COLOR: '1' } });
    running.push(t);
    await t.waitFor(/kube-proxy/, 30_000);
    const start = t.rawOutput().length;
    t.press(':', ...'ds', 'Enter');
    await t.waitFor(/DaemonSets\(kube-system\)/, 15_000);
    t.press('y');
    await t.waitFor((s) => s.includes('YAML DaemonSet kube-system/') && /║kind: DaemonSet/.test(s), 15_000);
    expect(t.rawOutput().slice(start)).not.toMatch(/\x1b\[(?:\d+;)*(?:3[0-8]|9[0-7])(?:;\d+)*m/);
  });
});
