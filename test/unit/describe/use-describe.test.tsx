// useDescribe: describes on open, again when the object changes and on a timer (for its events
// and related objects), never with two loads in flight, and stops when closed.
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { DescribeTarget } from '../../../src/app/describe-state.js';
import { describeWatchKey, useDescribe } from '../../../src/hooks/useDescribe.js';
import type { KubeClient } from '../../../src/kube/client.js';
import { FakeCluster } from '../fakes/fake-cluster.js';
import { pod } from '../views/objects.js';
import { tick } from '../views/harness.js';

const TARGET: DescribeTarget = { kind: 'pods', namespace: 'default', name: 'web' };
const client = {} as KubeClient;

/** A describe function whose calls the test resolves by hand. */
function controlled() {
  const calls: { resolve: (text: string) => void; reject: (err: Error) => void }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fn = () =>
    new Promise<string>((resolve, reject) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const done = () => inFlight--;
      calls.push({ resolve: (t) => (done(), resolve(t)), reject: (e) => (done(), reject(e)) });
    });
  return { fn, calls, max: () => maxInFlight };
}

function Probe({ source, describeFn, refreshMs }: { source: FakeCluster; describeFn: () => Promise<string>; refreshMs: number }) {
  const s = useDescribe(client, source, TARGET, refreshMs, describeFn);
  return <Text>{`text=${s.text ?? '-'} error=${s.error ?? '-'} loads=${s.loads}`}</Text>;
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (check()) return;
    await tick(10);
  }
  throw new Error(`timed out waiting for ${what}`);
}

function withVersion(rv: string) {
  const p = pod('web', 'default');
  return { ...p, metadata: { ...p.metadata, resourceVersion: rv } };
}

describe('useDescribe', () => {
  it('watches only the described object, by name', () => {
    expect(describeWatchKey(TARGET)).toEqual({ kind: 'pods', namespace: 'default', fieldSelector: 'metadata.name=web' });
    expect(describeWatchKey({ kind: 'nodes', name: 'n1', namespace: undefined })).toEqual({ kind: 'nodes', fieldSelector: 'metadata.name=n1' });
  });

  it('describes on open and again when the object changes, one load at a time', async () => {
    const source = new FakeCluster();
    const key = describeWatchKey(TARGET);
    if (!key) throw new Error('no key');
    source.set(key, [withVersion('1')]);
    const d = controlled();
    const app = render(<Probe source={source} describeFn={d.fn} refreshMs={0} />);
    await until(() => d.calls.length === 1, 'first load');
    expect(source.held()).toEqual(['pods|default||metadata.name=web']);
    // Two changes while the first load is in flight: one more load afterwards, not two at once.
    source.set(key, [withVersion('2')]);
    await tick(20);
    source.set(key, [withVersion('3')]);
    await tick(20);
    expect(d.calls).toHaveLength(1);
    d.calls[0]?.resolve('first');
    await until(() => d.calls.length === 2, 'reload after the change');
    expect(app.lastFrame()).toContain('text=first');
    d.calls[1]?.resolve('second');
    await until(() => (app.lastFrame() ?? '').includes('text=second'), 'second text');
    await tick(30);
    expect(d.calls).toHaveLength(2);
    expect(d.max()).toBe(1);
    app.unmount();
    expect(source.held()).toEqual([]);
  });

  it("does not describe again when the watch's first list brings the object it opened on", async () => {
    const source = new FakeCluster();
    const key = describeWatchKey(TARGET);
    if (!key) throw new Error('no key');
    const d = controlled();
    const app = render(<Probe source={source} describeFn={d.fn} refreshMs={0} />);
    await until(() => d.calls.length === 1, 'first load');
    source.set(key, [withVersion('1')]);
    await tick(30);
    d.calls[0]?.resolve('first');
    await tick(30);
    expect(d.calls).toHaveLength(1);
    source.set(key, [withVersion('2')]);
    await until(() => d.calls.length === 2, 'reload after a real change');
    app.unmount();
  });

  it('refreshes on a timer, keeps the last text on an error, and stops when closed', async () => {
    const source = new FakeCluster();
    const d = controlled();
    const app = render(<Probe source={source} describeFn={d.fn} refreshMs={25} />);
    await until(() => d.calls.length === 1, 'first load');
    d.calls[0]?.resolve('v1');
    await until(() => d.calls.length === 2, 'timer reload');
    d.calls[1]?.reject(new Error('pods "web" not found\nmore detail'));
    await until(() => (app.lastFrame() ?? '').includes('error=pods "web" not found loads'), 'error shown');
    expect(app.lastFrame()).toContain('text=v1');
    await until(() => d.calls.length === 3, 'next timer reload');
    d.calls[2]?.resolve('v2');
    await until(() => (app.lastFrame() ?? '').includes('text=v2 error=-'), 'recovered');
    app.unmount();
    const after = d.calls.length;
    await tick(80);
    expect(d.calls.length).toBe(after);
  });
});
