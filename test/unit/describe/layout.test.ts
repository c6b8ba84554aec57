// The describe layout helper: Go text/tabwriter's column blocks, kubectl's PrefixWriter levels,
// and the multi-line label / annotation / taint / toleration blocks.
import { describe, expect, it } from 'vitest';
import { alignTabs } from '../../../src/describe/tabwriter.js';
import {
  annotationsMultiline,
  DescribeWriter,
  labelsMultiline,
  taintsMultiline,
  taintString,
  tolerationsMultiline,
  tolerationString,
} from '../../../src/describe/writer.js';

describe('alignTabs (Go tabwriter, padding 2)', () => {
  it('aligns a block of consecutive lines to the widest cell + 2', () => {
    expect(alignTabs('Name:\tweb\nNamespace:\tdefault\n')).toBe('Name:       web\nNamespace:  default\n');
  });

  it('a line without a tab ends the block; the next block has its own width', () => {
    expect(alignTabs('A:\t1\nIPs:\n  IP:\t2\nControlled By:\t3\n')).toBe('A:  1\nIPs:\n  IP:           2\nControlled By:  3\n');
  });

  it('pads an empty last-but-one cell and keeps trailing spaces of empty values', () => {
    expect(alignTabs('Container ID:\t\nImage:\tnginx\n')).toBe('Container ID:  \nImage:         nginx\n');
  });

  it('aligns nested columns only over the lines that have them', () => {
    const text = 'Type\tStatus\tReason\nAvailable \tTrue\tMin\nX:\ty\n';
    expect(alignTabs(text)).toBe('Type        Status  Reason\nAvailable   True    Min\nX:          y\n');
  });

  it('counts characters, not bytes', () => {
    expect(alignTabs('é:\t1\nab:\t2\n')).toBe('é:   1\nab:  2\n');
  });
});

describe('DescribeWriter', () => {
  it('indents two spaces per level and aligns across levels', () => {
    const w = new DescribeWriter();
    w.write(0, 'Name:\tweb\n');
    w.write(1, 'IP:\t10.0.0.1\n');
    w.line(2, 'cpu:', '100m');
    expect(w.toString()).toBe('Name:     web\n  IP:     10.0.0.1\n    cpu:  100m\n');
  });

  it('escapes terminal control sequences as kubectl does', () => {
    const w = new DescribeWriter();
    w.write(0, 'Message:\tbad \u001b[2J\r done\n');
    expect(w.toString()).toBe('Message:  bad ^[[2J\\r done\n');
  });

  it('flush() starts new column blocks (kubectl flushes before Events)', () => {
    const w = new DescribeWriter();
    w.write(0, 'A-long-title:\tx\n');
    w.flush();
    w.write(0, 'B:\ty\n');
    expect(w.toString()).toBe('A-long-title:  x\nB:  y\n');
  });

  it('labels: sorted key=value, one per line, aligned under the first; <none> when empty', () => {
    const w = new DescribeWriter();
    labelsMultiline(w, 'Labels', { tier: 'web', app: 'nginx' });
    labelsMultiline(w, 'Node-Selectors', {});
    expect(w.toString()).toBe('Labels:          app=nginx\n                 tier=web\nNode-Selectors:  <none>\n');
  });

  it('annotations: key: value; long or multi-line values below the key, last-applied skipped', () => {
    const w = new DescribeWriter();
    const long = 'x'.repeat(150);
    annotationsMultiline(w, 'Annotations', {
      'kubectl.kubernetes.io/last-applied-configuration': '{}',
      a: '1',
      b: long,
      c: 'one\ntwo\n',
    });
    expect(w.toString().split('\n')).toEqual([
      'Annotations:  a: 1',
      '              b:',
      `                ${'x'.repeat(138)}...`,
      '              c:',
      '                one',
      '                two',
      '',
    ]);
  });

  it('annotations: <none> when only skipped ones exist', () => {
    const w = new DescribeWriter();
    annotationsMultiline(w, 'Annotations', { 'kubectl.kubernetes.io/last-applied-configuration': '{}' });
    expect(w.toString()).toBe('Annotations:  <none>\n');
  });

  it('taints sorted by effect then key, in kubectl notation', () => {
    expect(taintString({ key: 'k' })).toBe('k');
    expect(taintString({ key: 'k', value: 'v' })).toBe('k=v:');
    expect(taintString({ key: 'k', effect: 'NoSchedule' })).toBe('k:NoSchedule');
    const w = new DescribeWriter();
    taintsMultiline(w, 'Taints', [
      { key: 'z', effect: 'NoExecute' },
      { key: 'b', value: '1', effect: 'NoSchedule' },
      { key: 'a', effect: 'NoSchedule' },
    ]);
    expect(w.toString()).toBe('Taints:  z:NoExecute\n         a:NoSchedule\n         b=1:NoSchedule\n');
  });

  it('tolerations: op=Exists, values, seconds; sorted by key', () => {
    expect(tolerationString({ operator: 'Exists' })).toBe('op=Exists');
    expect(tolerationString({ key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 })).toBe('k:NoExecute op=Exists for 300s');
    expect(tolerationString({ key: 'k', operator: 'Equal', value: 'v', effect: 'NoSchedule' })).toBe('k=v:NoSchedule');
    const w = new DescribeWriter();
    tolerationsMultiline(w, 'Tolerations', [{ key: 'b', operator: 'Exists' }, { key: 'a', operator: 'Exists' }]);
    expect(w.toString()).toBe('Tolerations:  a op=Exists\n              b op=Exists\n');
  });
});
