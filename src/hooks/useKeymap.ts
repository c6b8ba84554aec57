// Keys → command ids for one part of the UI. The keymap listens on the App's KeyRouter (from
// context, or given), which delivers a chunk of keys one at a time against the current UI; the
// handler is kept in a ref, so it registers once instead of on every render.
import { useInput, type Key } from 'ink';
import { useCallback, useContext, useLayoutEffect, useRef } from 'react';
import type { CommandId, Scope } from '../keys/bindings.js';
import { splitKeys } from '../keys/keypress.js';
import { matchCommand, typedText, type Prefer } from '../keys/match.js';
import type { KeyListener, KeyRouter } from '../keys/router.js';
import { KeyRouterContext } from './useKeyRouter.js';

export interface KeymapHandlers {
  /** A binding in one of the scopes matched; `input` is the key's text (the digit for ns.favourite). */
  onCommand(id: CommandId, input: string): void;
  /** Printable text that matched no binding (only called when given). */
  onText?(text: string): void;
  /** Of several commands on the key pressed, which fit (the pane: the actions its kind takes). */
  prefer?: Prefer;
}

function handleKey(scopes: readonly Scope[], handlers: KeymapHandlers, input: string, key: Key): void {
  const id = matchCommand(scopes, input, key, handlers.prefer);
  if (id) {
    handlers.onCommand(id, input);
    return;
  }
  if (!handlers.onText) return;
  const text = typedText(input, key);
  if (text) handlers.onText(text);
}

export function useKeymap(scopes: readonly Scope[], handlers: KeymapHandlers, isActive = true, router?: KeyRouter): void {
  const fromContext = useContext(KeyRouterContext);
  const target = router ?? fromContext;
  const listener = useRef<KeyListener>({ active: false, onKey: () => {} });
  listener.current = { active: isActive, onKey: (input, key) => handleKey(scopes, handlers, input, key) };
  useLayoutEffect(() => target?.register(listener), [target]);

  // Without a router (a component mounted on its own): straight from Ink, a chunk split into keys.
  const direct = useCallback((input: string, key: Key) => {
    for (const press of splitKeys(input, key)) listener.current.onKey(press.input, press.key);
  }, []);
  useInput(direct, { isActive: isActive && !target });
}
