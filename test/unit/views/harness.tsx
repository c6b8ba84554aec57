// Mounting <App> in ink-testing-library: sizes by props, keys written one at a time, frames polled.
import { render } from 'ink-testing-library';
import { afterEach, beforeEach, vi } from 'vitest';
import type { AppProps } from '../../../src/app/types.js';
import type { ContextPrefs, PrefsStore } from '../../../src/config/types.js';
import { App } from '../../../src/views/App.js';
import { FakeCluster } from '../fakes/fake-cluster.js';

export const KEYS = {
  enter: '\r',
  esc: '\u001B',
  tab: '\t',
  shiftTab: '\u001B[Z',
  up: '\u001B[A',
  down: '\u001B[B',
  pageDown: '\u001B[6~',
  pageUp: '\u001B[5~',
  backspace: '\u007F',
  ctrlC: '\u0003',
} as const;

export const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

export function memoryPrefs(initial: ContextPrefs = { favourites: [] }): PrefsStore & { set: ReturnType<typeof vi.fn> } {
  let current = initial;
  return {
    get: () => ({ ...current, favourites: [...current.favourites] }),
    set: vi.fn((_: string, patch: Partial<ContextPrefs>) => {
      current = { ...current, ...patch, favourites: patch.favourites ?? current.favourites };
    }),
  };
}

export function mountApp(over: Partial<AppProps> = {}) {
  const source = (over.source as FakeCluster | undefined) ?? new FakeCluster();
  const onQuit = vi.fn();
  const props: AppProps = {
    source,
    session: { context: 'kind-kt', cluster: 'kind-kt', user: 'admin', server: 'https://127.0.0.1:6443', serverVersion: 'v1.31.0' },
    prefs: memoryPrefs(),
    initialNamespace: 'default',
    allNamespaces: false,
    readonly: false,
    columns: 200,
    rows: 50,
    onQuit,
    ...over,
  };
  const app = render(<App {...props} />);
  const frame = () => app.lastFrame() ?? '';
  const waitFor = async (check: (frame: string) => boolean, what = 'frame'): Promise<string> => {
    for (let i = 0; i < 200; i++) {
      if (check(frame())) return frame();
      await tick(10);
    }
    throw new Error(`timed out waiting for ${what}; last frame:\n${frame()}`);
  };
  const press = async (...keys: string[]): Promise<void> => {
    await tick(5);
    for (const k of keys) {
      app.stdin.write(k);
      // Ink holds a lone ESC 20 ms (it may start a sequence); let it and React settle.
      await tick(k === KEYS.esc ? 30 : 5);
    }
  };
  const commandLine = (f: string) => (f.split('\n').at(-1) ?? '').trim() === ':';
  return {
    ...app,
    source,
    props,
    onQuit,
    frame,
    /** Resolves once `check` passes (polled; for effects such as acquire/release). */
    async until(check: () => boolean, what = 'condition'): Promise<void> {
      for (let i = 0; i < 200; i++) {
        if (check()) return;
        await tick(10);
      }
      throw new Error(`timed out waiting for ${what}`);
    },
    /** Resolves once the frame satisfies `check`; fails with the last frame after ~2 s. */
    waitFor,
    /** Writes keys one at a time, letting Ink's input handlers run between them. */
    press,
    /**
     * Resolves once every key pressed so far has been handled, for asserting that a key did
     * nothing: a `:` pressed after them opens the command line (in the normal mode they must have
     * left), then Esc closes it. Returns the frame drawn with the command line open.
     */
    async settled(): Promise<string> {
      await press(':');
      const f = await waitFor(commandLine, 'the command line after the keys (they left the normal mode?)');
      await press(KEYS.esc);
      await waitFor((x) => !commandLine(x), 'the command line to close');
      return f;
    },
    async type(text: string): Promise<void> {
      await tick(5); // a view that just mounted subscribes to input in an effect
      for (const c of text) {
        app.stdin.write(c);
        await tick(5);
      }
    },
  };
}

/** Runs the file's tests with NO_COLOR set, so the cursor row is marked with ">" in frames. */
export function withNoColor(): void {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.NO_COLOR;
    process.env.NO_COLOR = '1';
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = saved;
  });
}

/**
 * AGE columns render the rows on screen again on the wall clock's 5 s marks when their text
 * changes (src/hooks/usePaneClock.ts). Tests that count renders exactly shift the clock kt reads to the
 * middle of such a period, so no tick falls inside them. Restored by vi.restoreAllMocks() or the
 * returned spy.
 */
export function clockBetweenAgeTicks(periodMs: number) {
  const realNow = Date.now.bind(Date);
  const offset = (realNow() % periodMs) - periodMs / 2;
  return vi.spyOn(Date, 'now').mockImplementation(() => realNow() - offset);
}
