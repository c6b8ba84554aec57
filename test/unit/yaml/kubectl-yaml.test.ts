// kt's YAML against what the sandbox's kubectl printed (`kubectl get cm yaml-edge -o yaml`,
// recorded with its `-o json` in test/fixtures/yaml): quoting, key order, folding, blocks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goKeyLess, needsDoubleQuotes } from '../../../src/yaml/go-yaml-rules.js';
import { toKubectlYaml } from '../../../src/yaml/kubectl-yaml.js';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'yaml');

describe('toKubectlYaml', () => {
  it('prints the recorded ConfigMap byte for byte as kubectl 1.36 did', () => {
    const obj: unknown = JSON.parse(readFileSync(join(fixtures, 'edge-configmap.json'), 'utf8'));
    expect(toKubectlYaml(obj)).toBe(readFileSync(join(fixtures, 'edge-configmap.yaml'), 'utf8'));
  });

  it('does not indent sequences under their key and writes empty collections inline', () => {
    const text = toKubectlYaml({ spec: { containers: [{ name: 'a', ports: [{ containerPort: 80 }], args: [] }], volumes: {} } });
    expect(text).toBe(['spec:', '  containers:', '  - args: []', '    name: a', '    ports:', '    - containerPort: 80', '  volumes: {}', ''].join('\n'));
  });

  it('writes numbers, booleans and null plainly', () => {
    expect(toKubectlYaml({ a: 1, b: true, c: null, d: 0.5 })).toBe('a: 1\nb: true\nc: null\nd: 0.5\n');
  });
});

describe('go-yaml rules', () => {
  it('orders keys naturally: digit runs by value, non-letters before letters', () => {
    const keys = ['a10', 'b1', 'A', 'a2', 'b-1'].sort((x, y) => (goKeyLess(x, y) ? -1 : goKeyLess(y, x) ? 1 : 0));
    expect(keys).toEqual(['A', 'a2', 'a10', 'b-1', 'b1']);
  });

  it('double-quotes what would read back as another type', () => {
    for (const s of ['', 'yes', 'On', 'n', '~', 'null', '0755', '-1', '1e3', '.inf', '0x1F', '1_000', '2024-01-02', '2024-01-02T03:04:05Z', '1:20']) {
      expect(needsDoubleQuotes(s), s).toBe(true);
    }
    for (const s of ['nginx', 'v1', '10.0.0.1', 'yess', '1.2.3', 'true-ish', 'Always']) expect(needsDoubleQuotes(s), s).toBe(false);
  });
});
