// The describe view on its own (scroll, search highlight, fitting the box) and wired into the App
// (`d` on a row, scrolling, `/` search with n/N, Esc back; an error without an API client).
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { describeBody, DescribeView } from '../../../src/views/DescribeView.js';
import { firstMatchFrom, matchingLines, scrollToLine, splitMatches, wrapLines } from '../../../src/views/describe-lines.js';
import type { KubeObject } from '../../../src/kube/types.js';
import { FakeCluster } from '../fakes/fake-cluster.js';
import { KEYS, mountApp, withNoColor } from '../views/harness.js';
import { replaying } from '../fakes/fake-kube.js';
import { recording } from './recording.js';

const LINES = Array.from({ length: 50 }, (_, i) => (i % 10 === 7 ? `Line ${i}: needle here` : `Line ${i}: hay`));

function view(props: Partial<Parameters<typeof DescribeView>[0]> = {}) {
  return render(<DescribeView title="Describe Pod default/web" lines={LINES} scroll={0} search="" match={0} width={40} height={12} plain {...props} />);
}

withNoColor();

describe('DescribeView', () => {
  let app: ReturnType<typeof render> | undefined;
  afterEach(() => app?.unmount());

  it('fits exactly in its width and height, with the position in the title', () => {
    app = view();
    const lines = (app.lastFrame() ?? '').split('\n');
    expect(lines).toHaveLength(12);
    for (const l of lines) expect([...l].length).toBe(40);
    expect(lines[0]).toContain('Describe Pod default/web [1-9/50]');
    expect(lines[1]).toContain('Line 0: hay');
    expect(lines[10]).toContain('/ search  esc back');
  });

  it('scrolls, and never past the last page', () => {
    app = view({ scroll: 5 });
    expect(app.lastFrame()).toContain('║Line 5: hay');
    expect(app.lastFrame()).not.toContain('Line 4:');
    app.rerender(<DescribeView title="t" lines={LINES} scroll={999} search="" match={0} width={40} height={12} plain />);
    const frame = app.lastFrame() ?? '';
    expect(frame).toContain('Line 49: hay');
    expect(frame).toContain('Line 41: hay');
    expect(frame).not.toContain('Line 40:');
  });

  it('cuts long lines to the width', () => {
    app = render(<DescribeView title="t" lines={['x'.repeat(100)]} scroll={0} search="" match={0} width={20} height={5} plain />);
    for (const l of (app.lastFrame() ?? '').split('\n')) expect([...l].length).toBe(20);
    expect(app.lastFrame()).toContain('x…');
  });

  it('shows the search being typed, then the match count', () => {
    app = view({ typing: 'need' });
    expect(app.lastFrame()).toContain('/need_');
    app.rerender(<DescribeView title="t" lines={LINES} scroll={0} search="needle" match={1} width={40} height={12} plain />);
    expect(app.lastFrame()).toContain('match 2/5 for "needle"');
    app.rerender(<DescribeView title="t" lines={LINES} scroll={0} search="nothing" match={0} width={40} height={12} plain />);
    expect(app.lastFrame()).toContain('no match for "nothing"');
  });

  it('highlights every match inversely, the current one in colour and bold', () => {
    const body = describeBody({ title: 't', lines: ['a needle b', 'c', 'Needle d'], scroll: 0, search: 'needle', match: 1, width: 30, height: 8 });
    expect(body[0]?.segments).toEqual([{ text: 'a ' }, { text: 'needle', inverse: true, color: undefined, bold: false }, { text: ' b' }]);
    expect(body[1]?.segments).toEqual([{ text: 'c' }]);
    expect(body[2]?.segments[0]).toMatchObject({ text: 'Needle', inverse: true, bold: true, color: 'yellow' });
    expect(body.at(-1)?.segments[0]?.text).toBe('match 2/2 for "needle" (n/N)');
  });

  it('shows the last error on the status line', () => {
    app = view({ error: 'pods "web" not found' });
    expect(app.lastFrame()).toContain('pods "web" not found');
  });
});

describe('search helpers', () => {
  it('finds lines and pieces regardless of case', () => {
    expect(matchingLines(['Abc', 'x', 'aBC'], 'abc')).toEqual([0, 2]);
    expect(matchingLines(['a'], '')).toEqual([]);
    expect(splitMatches('xAbyab', 'ab')).toEqual([
      { text: 'x', match: false },
      { text: 'Ab', match: true },
      { text: 'y', match: false },
      { text: 'ab', match: true },
    ]);
    expect(firstMatchFrom([3, 10, 20], 11)).toBe(2);
    expect(firstMatchFrom([3, 10, 20], 21)).toBe(0);
    expect(scrollToLine(30, 50, 10)).toBe(28);
    expect(scrollToLine(49, 50, 10)).toBe(40);
    expect(wrapLines(['abcdefg', '', 'ab'], 3)).toEqual(['abc', 'def', 'g', '', 'ab']);
  });
});

describe('describe in the App', () => {
  const c = recording.cases.find((x) => x.kind === 'pods');
  if (!c) throw new Error('fixture lacks a pod');
  const podRoute = Object.entries(recording.routes).find(([k]) => k === `/api/v1/namespaces/default/pods/${c.name}`);
  const pod = podRoute?.[1] as KubeObject;

  function seeded(): FakeCluster {
    const source = new FakeCluster();
    source.set({ kind: 'pods', namespace: 'default' }, [pod]);
    return source;
  }

  it('d describes the row under the cursor; j scrolls; / searches; n wraps; Esc goes back', async () => {
    const app = mountApp({ source: seeded(), client: replaying(recording.routes), columns: 100, rows: 30 });
    await app.waitFor((f) => f.includes(c.name));
    await app.press('d');
    let frame = await app.waitFor((f) => f.includes('Name:') && f.includes('Service Account:'), 'describe text');
    expect(frame).toContain(`Describe Pod default/${c.name}`);
    expect(frame).toContain('<esc> back');
    await app.press('j', 'j');
    frame = await app.waitFor((f) => !f.includes('║Name:'), 'scrolled');
    expect(frame).toContain('Priority:');
    await app.press('/');
    await app.type('events');
    await app.waitFor((f) => f.includes('/events_'), 'search prompt');
    await app.press(KEYS.enter);
    frame = await app.waitFor((f) => f.includes('match 1/1 for "events"'), 'match');
    expect(frame).toContain('Events:');
    await app.press('n');
    await app.waitFor((f) => f.includes('match 1/1'), 'wrapped');
    // The event message is longer than the view: cut, then wrapped with w.
    const node = String((pod.spec as { nodeName?: string }).nodeName);
    await app.press('G');
    frame = await app.waitFor((f) => f.includes('Successfully assigned'), 'event line');
    expect(frame).not.toContain(`to ${node}`);
    await app.press('w', 'G');
    await app.waitFor((f) => f.includes(`to ${node}`), 'wrapped event line');
    await app.press(KEYS.esc);
    frame = await app.waitFor((f) => f.includes('Pods(default)'), 'table again');
    expect(frame).not.toContain('Service Account:');
    app.unmount();
  });

  it('keeps the hidden panes\' watches while open, and watches the described object by name', async () => {
    const source = seeded();
    const app = mountApp({ source, client: replaying(recording.routes), columns: 100, rows: 30 });
    await app.waitFor((f) => f.includes(c.name));
    const before = source.held();
    await app.press('d');
    await app.waitFor((f) => f.includes('Service Account:'), 'describe text');
    const during = source.held();
    for (const id of before) expect(during).toContain(id);
    expect(during).toContain(`pods|default||metadata.name=${c.name}`);
    await app.press('q');
    await app.waitFor((f) => f.includes('Pods(default)'), 'table again');
    await app.until(() => !source.held().some((id) => id.includes('metadata.name=')), 'describe watch released');
    expect(source.held()).toEqual(before);
    app.unmount();
  });

  it('q closes the view (and does not quit)', async () => {
    const app = mountApp({ source: seeded(), client: replaying(recording.routes), columns: 100, rows: 30 });
    await app.waitFor((f) => f.includes(c.name));
    await app.press('d');
    await app.waitFor((f) => f.includes('Service Account:'), 'describe text');
    await app.press('q');
    await app.waitFor((f) => f.includes('Pods(default)'), 'table again');
    expect(app.onQuit).not.toHaveBeenCalled();
    app.unmount();
  });

  it('without an API client, d flashes a one-line error and stays on the table', async () => {
    const app = mountApp({ source: seeded(), columns: 100, rows: 30 });
    await app.waitFor((f) => f.includes(c.name));
    await app.press('d');
    const frame = await app.waitFor((f) => f.includes('describe needs a connection'), 'flash');
    expect(frame).toContain('Pods(default)');
    app.unmount();
  });

  it('shows the API error when the object is gone', async () => {
    const source = new FakeCluster();
    source.set({ kind: 'pods', namespace: 'default' }, [{ ...pod, metadata: { ...pod.metadata, name: 'vanished' } }]);
    const app = mountApp({ source, client: replaying(recording.routes), columns: 100, rows: 30 });
    await app.waitFor((f) => f.includes('vanished'));
    await app.press('d');
    await app.waitFor((f) => f.includes('not recorded: /api/v1/namespaces/default/pods/vanished'), 'error line');
    app.unmount();
  });
});
