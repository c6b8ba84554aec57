import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/kube/types.js';
import { highlightLine } from '../../../src/yaml/highlight.js';
import { objectYaml, SECRET_MASK } from '../../../src/yaml/object-yaml.js';
import { runTextCommand } from '../../../src/yaml/text-command.js';

const pod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default', managedFields: [{ manager: 'kubectl', operation: 'Update' }] },
};

describe('objectYaml', () => {
  it('hides managedFields unless asked, as kubectl get -o yaml does', () => {
    expect(objectYaml(pod)).not.toContain('managedFields');
    expect(objectYaml(pod, { managedFields: true })).toContain('  managedFields:\n  - manager: kubectl\n');
  });

  it("masks a Secret's data, stringData and last-applied annotation", () => {
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"data":{"password":"aHVudGVyMg=="}}' } },
      data: { password: 'aHVudGVyMg==' },
      stringData: { token: 'abc' },
    } as unknown as KubeObject;
    const text = objectYaml(secret);
    expect(text).not.toContain('aHVudGVyMg');
    expect(text).not.toContain('abc');
    expect(text).toContain(`  password: '${SECRET_MASK}'`);
  });
});

describe('highlightLine', () => {
  it('tells keys, strings, numbers, literals and comments apart and keeps the text', () => {
    const line = '  - containerPort: 80';
    expect(highlightLine(line).map((t) => t.text).join('')).toBe(line);
    expect(highlightLine(line).filter((t) => t.kind !== 'plain')).toEqual([
      { text: 'containerPort', kind: 'key' },
      { text: '80', kind: 'number' },
    ]);
    expect(highlightLine('  name: web').at(-1)).toEqual({ text: 'web', kind: 'string' });
    expect(highlightLine('  ready: true').at(-1)).toEqual({ text: 'true', kind: 'literal' });
    expect(highlightLine('# error: conflict')).toEqual([{ text: '# error: conflict', kind: 'comment' }]);
  });
});

describe(':w PATH', () => {
  it('writes the text and says how much, vi-style', async () => {
    const written: [string, string][] = [];
    const result = await runTextCommand('w /tmp/x.yaml', 'a: 1\nb: 2\n', async (path, text) => {
      written.push([String(path), String(text)]);
    });
    expect(written).toEqual([['/tmp/x.yaml', 'a: 1\nb: 2\n']]);
    expect(result).toEqual({ ok: true, message: '"/tmp/x.yaml" 2L, 10B written' });
  });

  it('refuses anything else in one line', async () => {
    expect(await runTextCommand('w', 'a')).toMatchObject({ ok: false, message: ':w needs one path, e.g. :w /tmp/pod.yaml' });
    expect((await runTextCommand('q', 'a')).message).toMatch(/unknown command ":q": try :w PATH/);
  });
});
