// Log benchmarks (issue #13): `npm run bench -- --only logs`.
// 1. The log source alone: 1,000,000 lines through the pods/log parsing into the bounded buffer
//    (10,000 lines): lines per second, and RSS as the lines go by (it should stay flat).
// 2. The real log view (LiveLogs, rendered by Ink in ink-testing-library) fed 5,000 lines/s for a few
//    seconds: how long until each batch's newest line is in a written frame, and a key's answer time.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { render } from 'ink-testing-library';
import { useReducer, type Dispatch } from 'react';
import type { LogsState } from '../src/app/logs-state.js';
import type { AppEvent } from '../src/app/reducer.js';
import { podsKey } from '../src/hooks/useLogs.js';
import type { TextStreamer } from '../src/kube/text-stream.js';
import type { KubeObject } from '../src/kube/types.js';
import { createLogSource } from '../src/logs/log-source.js';
import { initialLogUi, logUiReducer } from '../src/logs/log-ui.js';
import { LiveLogs } from '../src/views/LiveLogs.js';
import { BenchSource } from './source.js';
import { Section } from './table.js';

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

// A full GC on demand (npm run bench starts node without --expose-gc): the live heap, not garbage.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const liveHeap = () => {
  gc();
  return MB(process.memoryUsage().heapUsed);
};
const turn = () => new Promise<void>((r) => setImmediate(r));
const stamp = () => new Date().toISOString().replace('Z', '000000Z');

/** A streamer whose one stream the bench feeds. */
function benchStreamer(): TextStreamer & { feed(text: string): void } {
  let sink: ((text: string) => void) | undefined;
  return {
    feed: (text) => sink?.(text),
    stream(_path, _query, onText) {
      sink = onText;
      return { abort: () => (sink = undefined) };
    },
  };
}

function chunk(from: number, count: number): string {
  const ts = stamp();
  let out = '';
  for (let i = from; i < from + count; i++) out += `${ts} GET /api/v1/items/${i} 200 1532 bytes in 12ms user=bench line ${i}\n`;
  return out;
}

function sourceSection(total: number): Section {
  const section = new Section(`Log source: ${total.toLocaleString('en-US')} lines into a 10,000-line buffer (no Ink)`);
  const streamer = benchStreamer();
  const source = createLogSource(streamer, { tail: 200, previous: false }, { capacity: 10_000, frameMs: 50 });
  source.sync([{ namespace: 'bench', pod: 'talker', container: 'app', generation: 0 }]);
  const rss: string[] = [`start ${MB(process.memoryUsage().rss)}`];
  const heap: string[] = [`start ${liveHeap()}`];
  const start = performance.now();
  for (let i = 0; i < total; i += 100) {
    streamer.feed(chunk(i + 1, 100));
    if ((i + 100) % 250_000 === 0) {
      const at = `${((i + 100) / 1000).toLocaleString('en-US')}k`;
      rss.push(`${at} ${MB(process.memoryUsage().rss)}`);
      heap.push(`${at} ${liveHeap()}`);
    }
  }
  const ms = performance.now() - start;
  section.add('ingest (parse, dedupe, ring), one run', { ms: [ms] }, `${Math.round(total / (ms / 1000)).toLocaleString('en-US')} lines/s`);
  section.info('RSS as lines go by', rss.join(', '));
  section.info('live heap after a full GC', heap.join(', '));
  section.info('kept', `${source.snapshot().lines.size.toLocaleString('en-US')} lines of ${source.snapshot().lines.pushed.toLocaleString('en-US')}`);
  source.close();
  return section;
}

function Harness({ streamer, data, initial }: { streamer: TextStreamer; data: BenchSource; initial: LogsState }) {
  const [logs, dispatch] = useReducer((s: LogsState, a: AppEvent) => (a.type === 'logsUi' ? { ...s, ui: logUiReducer(s.ui, a.action) } : s), initial);
  return <LiveLogs streamer={streamer} source={data} logs={logs} width={200} height={48} plain={false} active dispatch={dispatch as Dispatch<AppEvent>} />;
}

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

async function viewSection(rate: number, seconds: number): Promise<Section> {
  const section = new Section(`Log view (LiveLogs in Ink, 200x50) fed ${rate.toLocaleString('en-US')} lines/s for ${seconds} s`);
  const target = { kind: 'pods', name: 'talker', namespace: 'bench', pod: 'talker' };
  const pod: KubeObject = {
    kind: 'Pod',
    metadata: { name: 'talker', namespace: 'bench' },
    spec: { containers: [{ name: 'app' }] },
    status: { containerStatuses: [{ name: 'app', restartCount: 0, state: { running: {} } }] },
  } as KubeObject;
  const data = new BenchSource();
  data.set(podsKey(target), [pod]);
  const streamer = benchStreamer();
  const view = render(<Harness streamer={streamer} data={data} initial={{ target, ui: initialLogUi(false, 'app') }} />);
  while (!view.lastFrame()?.includes('following')) await turn();
  const latencies: number[] = [];
  const rssStart = process.memoryUsage().rss;
  const pending: { line: string; at: number }[] = [];
  let next = 1;
  const start = performance.now();
  let framesBefore = view.frames.length;
  while (performance.now() - start < seconds * 1000) {
    const due = Math.floor(((performance.now() - start) / 1000) * rate);
    if (due >= next) {
      streamer.feed(chunk(next, due - next + 1));
      pending.push({ line: `line ${due} `, at: performance.now() });
      next = due + 1;
    }
    await new Promise((r) => setTimeout(r, 10));
    if (view.frames.length !== framesBefore) {
      framesBefore = view.frames.length;
      const frame = view.lastFrame() ?? '';
      const now = performance.now();
      // The newest line of a batch on screen: that batch and every earlier one are shown.
      for (let i = pending.length - 1; i >= 0; i--) {
        if (frame.includes((pending[i] as { line: string }).line)) {
          for (const p of pending.splice(0, i + 1)) latencies.push(now - p.at);
          break;
        }
      }
    }
  }
  const frames = view.frames.length;
  section.info('newest line on screen after', `median ${percentile(latencies, 0.5).toFixed(0)} ms, p95 ${percentile(latencies, 0.95).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms (${latencies.length} batches seen, ${pending.length} never drawn)`);
  section.info('frames written', `${frames} in ${seconds} s (coalesced: ${(frames / seconds).toFixed(1)}/s)`);
  const keyAt = performance.now();
  view.stdin.write('k');
  while (!view.lastFrame()?.includes('paused')) await turn();
  section.info('k (pause) answered mid-stream in', `${(performance.now() - keyAt).toFixed(0)} ms`);
  section.info('RSS', `${MB(rssStart)} at start, ${MB(process.memoryUsage().rss)} after ${(next - 1).toLocaleString('en-US')} lines`);
  view.unmount();
  return section;
}

export async function logSections(): Promise<Section[]> {
  return [sourceSection(1_000_000), await viewSection(5000, 5)];
}
