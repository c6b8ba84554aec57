// The one place keys enter kt. Every keymap (the App's, the focused pane's, help's, the picker's)
// listens here rather than on Ink directly, so a chunk of several keys can be played one key at a
// time, each against the UI the previous one produced:
// - a chunk is split into keys (keypress.ts) and queued;
// - a key goes to the keymaps active at that moment (all of them see it, as with Ink's useInput);
// - if it changed the app state, the next key waits until React has committed that state, so it is
//   matched against the new mode's scopes and handled with the re-rendered rows, cursor, choices.
// Keys that change nothing (or a lone key, the usual case) are handled at once.
import type { Key } from 'ink';
import { clearImmediate, setImmediate } from 'node:timers';
import { splitKeys, type KeyPress } from './keypress.js';

export interface KeyListener {
  /** Whether it takes keys now; read when each key is delivered. */
  active: boolean;
  onKey(input: string, key: Key): void;
}

/** A holder of the listener's latest version (a React ref). */
export interface ListenerRef {
  readonly current: KeyListener;
}

export interface KeyRouterOptions<S> {
  /** The app state as the reducer last left it, synchronously (not as last rendered). */
  current(): S;
  /** Runs `fn` on a later turn of the event loop; returns a cancel. */
  defer?(fn: () => void): () => void;
}

function deferImmediate(fn: () => void): () => void {
  const handle = setImmediate(fn);
  return () => clearImmediate(handle);
}

export class KeyRouter<S = unknown> {
  private readonly listeners = new Set<ListenerRef>();
  private readonly queue: KeyPress[] = [];
  private readonly current: () => S;
  private readonly defer: (fn: () => void) => () => void;
  private committedState: S;
  /** A key changed the state and the next one waits for it to be committed. */
  private waiting = false;
  private draining = false;
  private cancelDrain: (() => void) | undefined;

  constructor(options: KeyRouterOptions<S>) {
    this.current = options.current;
    this.defer = options.defer ?? deferImmediate;
    this.committedState = options.current();
  }

  /** Adds a keymap; returns its removal. */
  register(ref: ListenerRef): () => void {
    this.listeners.add(ref);
    return () => {
      this.listeners.delete(ref);
    };
  }

  /** What one useInput call reported (a key, or a chunk of them). */
  feed(input: string, key: Key): void {
    this.queue.push(...splitKeys(input, key));
    this.drain();
  }

  /** React committed `state` (call from a layout effect of the component owning the state). */
  committed(state: S): void {
    this.committedState = state;
    if (!this.waiting || state !== this.current()) return;
    this.waiting = false;
    // Not from inside the commit: each key's update would nest in the last one's.
    if (this.queue.length > 0 && !this.cancelDrain) {
      this.cancelDrain = this.defer(() => {
        this.cancelDrain = undefined;
        this.drain();
      });
    }
  }

  /** Keys not yet delivered (for tests). */
  get pending(): number {
    return this.queue.length;
  }

  /** Drops queued keys and any scheduled delivery (on unmount). */
  dispose(): void {
    this.queue.length = 0;
    this.waiting = false;
    this.cancelDrain?.();
    this.cancelDrain = undefined;
  }

  private drain(): void {
    if (this.draining || this.waiting || this.cancelDrain) return;
    this.draining = true;
    try {
      let press: KeyPress | undefined;
      while (!this.waiting && (press = this.queue.shift())) {
        // Who is active is fixed before the key goes out: a keymap that a handler switches on
        // (filter line opened by "/") must not see the key that switched it on.
        const targets = [...this.listeners].map((ref) => ref.current).filter((l) => l.active);
        for (const target of targets) target.onKey(press.input, press.key);
        if (this.current() !== this.committedState) this.waiting = true;
      }
    } finally {
      this.draining = false;
    }
  }
}
