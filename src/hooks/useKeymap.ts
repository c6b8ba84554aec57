// Keys → command ids for one part of the UI. The handler is kept in a ref, so Ink's useInput
// subscribes once instead of re-subscribing on every render.
import { useInput, type Key } from 'ink';
import { useCallback, useRef } from 'react';
import type { CommandId, Scope } from '../keys/bindings.js';
import { matchCommand, typedText } from '../keys/match.js';

export interface KeymapHandlers {
  /** A binding in one of the scopes matched; `input` is the key's text (the digit for ns.favourite). */
  onCommand(id: CommandId, input: string): void;
  /** Printable text that matched no binding (only called when given). */
  onText?(text: string): void;
}

export function useKeymap(scopes: readonly Scope[], handlers: KeymapHandlers, isActive = true): void {
  const latest = useRef({ scopes, handlers });
  latest.current = { scopes, handlers };
  const handle = useCallback((input: string, key: Key) => {
    const { scopes: active, handlers: h } = latest.current;
    const id = matchCommand(active, input, key);
    if (id) {
      h.onCommand(id, input);
      return;
    }
    if (!h.onText) return;
    const text = typedText(input, key);
    if (text) h.onText(text);
  }, []);
  useInput(handle, { isActive });
}
