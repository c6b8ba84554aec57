import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogSource, type LogTarget } from '../../../src/logs/log-source.js';
import { KubeApiError } from '../../../src/kube/api-errors.js';
import { fakeStreamer } from './fake-streamer.js';

const app: LogTarget = { namespace: 'default', pod: 'web-1', container: 'app', generation: 0 };
const texts = (source: ReturnType<typeof createLogSource>) => source.snapshot().lines.toArray().map((l) => l.text);

afterEach(() => vi.useRealTimers());

describe('createLogSource', () => {
  it('asks for kubectl logs -f --tail=N with timestamps, and splits chunks into lines', () => {
    const streamer = fakeStreamer();
    const source = createLogSource(streamer, { tail: 200, previous: false }, { capacity: 100 });
    source.sync([app]);
    const [s] = streamer.streams;
    expect(s?.path).toBe('/api/v1/namespaces/default/pods/web-1/log');
    expect(s?.query).toEqual({ container: 'app', timestamps: true, follow: true, tailLines: 200 });
    s?.send('2026-12-07T10:00:00.1Z first\n2026-12-07T10:00:00.2Z sec');
    s?.send('ond\n');
    const lines = source.snapshot().lines.toArray();
    expect(lines.map((l) => [l.seq, l.ts, l.text, l.origin])).toEqual([
      [1, '2026-12-07T10:00:00.1Z', 'first', 0],
      [2, '2026-12-07T10:00:00.2Z', 'second', 0],
    ]);
  });

  it('keeps at most `capacity` lines however many arrive', () => {
    const streamer = fakeStreamer();
    const source = createLogSource(streamer, { tail: 10, previous: false }, { capacity: 1000 });
    source.sync([app]);
    for (let i = 1; i <= 20_000; i++) streamer.streams[0]?.send(`2026-12-07T10:00:00Z line ${i}\n`);
    const { lines } = source.snapshot();
    expect(lines.size).toBe(1000);
    expect(lines.pushed).toBe(20_000);
    expect(lines.at(0)?.text).toBe('line 19001');
    expect(lines.at(999)?.seq).toBe(20_000);
  });

  it('tells listeners once per frame, however many lines arrived', () => {
    vi.useFakeTimers();
    const streamer = fakeStreamer();
    const source = createLogSource(streamer, { tail: 10, previous: false }, { capacity: 100, frameMs: 50 });
    const heard = vi.fn();
    source.subscribe(heard);
    source.sync([app]);
    for (let i = 0; i < 500; i++) streamer.streams[0]?.send(`line ${i}\n`);
    expect(heard).not.toHaveBeenCalled();
    vi.advanceTimersByTime(50);
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('marks a stream that ended or failed, and pods that leave', () => {
    const streamer = fakeStreamer();
    const source = createLogSource(streamer, { tail: 10, previous: false }, { capacity: 100 });
    const other = { ...app, pod: 'web-2' };
    source.sync([app, other]);
    streamer.streams[0]?.end();
    streamer.streams[1]?.end(new KubeApiError('container "app" in pod "web-2" is waiting to start', { statusCode: 400 }));
    source.sync([other], 'pod deleted');
    expect(texts(source)).toEqual(['web-1/app: stream ended', 'web-2/app: container "app" in pod "web-2" is waiting to start', 'web-1/app: pod deleted']);
    expect(source.snapshot().lines.toArray().every((l) => l.marker && l.origin === -1)).toBe(true);
  });

  it('follows a restarted container from where it was, without repeating lines', () => {
    const streamer = fakeStreamer();
    const source = createLogSource(streamer, { tail: 10, previous: false }, { capacity: 100 });
    source.sync([app]);
    streamer.streams[0]?.send('2026-12-07T10:00:01.5Z a\n2026-12-07T10:00:02.25Z b\n2026-12-07T10:00:02.25Z c\n');
    source.sync([{ ...app, generation: 1 }]);
    expect(streamer.streams[0]?.aborted).toBe(true);
    const reopened = streamer.streams[1];
    expect(reopened?.query).toEqual({ container: 'app', timestamps: true, follow: true, sinceTime: '2026-12-07T10:00:02Z' });
    reopened?.send('2026-12-07T10:00:02.25Z b\n2026-12-07T10:00:02.25Z c\n2026-12-07T10:00:02.25Z d\n2026-12-07T10:00:03Z e\n');
    expect(texts(source)).toEqual(['a', 'b', 'c', 'web-1/app: container restarted; following the new one', 'd', 'e']);
  });

  it('reconnects a dropped stream from its last line, but not a refused one', () => {
    vi.useFakeTimers();
    const streamer = fakeStreamer();
    const source = createLogSource(streamer, { tail: 10, previous: false }, { capacity: 100, retryMs: 1000 });
    source.sync([app, { ...app, pod: 'web-2' }]);
    streamer.streams[0]?.send('2026-12-07T10:00:01Z a\n');
    streamer.streams[0]?.end(new KubeApiError('log stream lost', { code: 'ECONNRESET' }));
    streamer.streams[1]?.end(new KubeApiError('pods "web-2" is forbidden', { statusCode: 403 }));
    vi.advanceTimersByTime(1000);
    expect(streamer.streams).toHaveLength(3);
    expect(streamer.streams[2]?.query).toEqual({ container: 'app', timestamps: true, follow: true, sinceTime: '2026-12-07T10:00:01Z' });
    streamer.streams[2]?.send('2026-12-07T10:00:01Z a\n2026-12-07T10:00:02Z b\n');
    expect(texts(source)).toEqual(['a', 'web-1/app: log stream lost; reconnecting', 'web-2/app: pods "web-2" is forbidden', 'b']);
    source.close();
  });

  it('reopens every stream with a new range, from an empty buffer', () => {
    const streamer = fakeStreamer();
    const source = createLogSource(streamer, { tail: 10, previous: false }, { capacity: 100 });
    source.sync([app]);
    streamer.streams[0]?.send('old\n');
    source.setRequest({ sinceSeconds: 300, previous: false });
    expect(streamer.streams[1]?.query).toEqual({ container: 'app', timestamps: true, follow: true, sinceSeconds: 300 });
    source.setRequest({ tail: 10, previous: true });
    expect(streamer.streams[2]?.query).toEqual({ container: 'app', timestamps: true, previous: true, tailLines: 10 });
    expect(texts(source)).toEqual([]);
  });

  it('drops escape sequences and control characters that would move the cursor', () => {
    const streamer = fakeStreamer();
    const source = createLogSource(streamer, { tail: 10, previous: false }, { capacity: 100 });
    source.sync([app]);
    streamer.streams[0]?.send('\x1b[31mred\x1b[0m\tx\r\n');
    expect(texts(source)).toEqual(['red    x']);
  });
});
