// A flash message goes away by itself after a few seconds.
import { useEffect, type Dispatch } from 'react';
import type { AppEvent } from '../app/reducer.js';
import type { Flash } from '../app/state.js';

export const FLASH_MS = 5000;

export function useFlashExpiry(flash: Flash | undefined, dispatch: Dispatch<AppEvent>, ms = FLASH_MS): void {
  const id = flash?.id;
  useEffect(() => {
    if (id === undefined) return;
    const timer = setTimeout(() => dispatch({ type: 'clearFlash', id }), ms);
    return () => clearTimeout(timer);
  }, [id, dispatch, ms]);
}
