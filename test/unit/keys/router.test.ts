import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { keyOfChar } from '../../../src/keys/keypress.js';
import { KeyRouter, type KeyListener } from '../../../src/keys/router.js';

const NONE: Key = keyOfChar('a').key;

/** A tiny app: the state is a mode and a log; the router's React side is played by hand. */
function setup() {
  let state = { mode: 'normal', log: [] as string[] };
  let scheduled: (() => void) | undefined;
  const router = new KeyRouter({
    current: () => state,
    defer: (fn) => {
      scheduled = fn;
      return () => (scheduled = undefined);
    },
  });
  const set = (next: typeof state) => (state = next);
  const normal: { current: KeyListener } = {
    current: {
      active: true,
      onKey: (input) => {
        if (input === ':') set({ mode: 'command', log: [...state.log, 'open'] });
        else if (input === 'q') set({ ...state, log: [...state.log, 'quit'] });
      },
    },
  };
  const command: { current: KeyListener } = {
    current: { active: false, onKey: (input) => set({ ...state, log: [...state.log, `type ${input}`] }) },
  };
  router.register(normal);
  router.register(command);
  /** What React does: re-render (listeners follow the mode), commit, run the deferred drain. */
  const render = () => {
    normal.current = { ...normal.current, active: state.mode === 'normal' };
    command.current = { ...command.current, active: state.mode === 'command' };
    router.committed(state);
  };
  return {
    router,
    render,
    state: () => state,
    runDeferred: () => {
      const fn = scheduled;
      scheduled = undefined;
      fn?.();
    },
    scheduled: () => scheduled !== undefined,
  };
}

describe('KeyRouter', () => {
  it('waits for the state a key produced to be committed before the next key', () => {
    const t = setup();
    t.router.feed(':q', NONE);
    expect(t.state().log).toEqual(['open']);
    expect(t.router.pending).toBe(1);
    t.render();
    expect(t.scheduled()).toBe(true);
    t.runDeferred();
    expect(t.state().log).toEqual(['open', 'type q']);
  });

  it('does not wait after keys that change nothing', () => {
    const t = setup();
    t.router.feed('xyq', NONE);
    expect(t.state().log).toEqual(['quit']);
    expect(t.router.pending).toBe(0);
  });

  it('queues chunks that arrive while waiting, in order', () => {
    const t = setup();
    t.router.feed(':', NONE);
    t.router.feed('ab', NONE);
    expect(t.router.pending).toBe(2);
    t.render();
    t.runDeferred();
    t.render();
    t.runDeferred();
    expect(t.state().log).toEqual(['open', 'type a', 'type b']);
  });

  it('keeps waiting through a commit of an older state', () => {
    const t = setup();
    const before = t.state();
    t.router.feed(':a', NONE);
    t.router.committed(before);
    expect(t.scheduled()).toBe(false);
    t.render();
    expect(t.scheduled()).toBe(true);
  });

  it('continues at once when the state was committed while the key was handled', () => {
    const t = setup();
    // As an unbatched React update would: the re-render and commit happen inside the handler.
    t.router.register({ current: { active: true, onKey: (input) => input !== ':' && t.render() } });
    t.router.feed(':rs', NONE);
    t.render();
    t.runDeferred();
    expect(t.state().log).toEqual(['open', 'type r', 'type s']);
    expect(t.scheduled()).toBe(false);
  });

  it('drops queued keys on dispose', () => {
    const t = setup();
    t.router.feed(':abc', NONE);
    t.router.dispose();
    t.render();
    expect(t.scheduled()).toBe(false);
    expect(t.router.pending).toBe(0);
  });

  it('a listener switched on by a key does not see that key', () => {
    const seen: string[] = [];
    const late: { current: KeyListener } = { current: { active: false, onKey: (input) => seen.push(input) } };
    const router = new KeyRouter({ current: () => 0 });
    router.register({ current: { active: true, onKey: () => (late.current = { ...late.current, active: true }) } });
    router.register(late);
    router.feed('x', NONE);
    expect(seen).toEqual([]);
    router.feed('y', NONE);
    expect(seen).toEqual(['y']);
  });
});
