// Terminal size as React state. Ink re-lays out on stdout 'resize' but does not re-render the
// tree with new props; this feeds the App fresh columns/rows on every resize.
import { useSyncExternalStore, type ReactNode } from 'react';
import type { Screen, TerminalSize } from './screen.js';

export type SizeSource = Pick<Screen, 'size' | 'onResize'>;

export function useTerminalSize(source: SizeSource): TerminalSize {
  return useSyncExternalStore(source.onResize, source.size, source.size);
}

export interface SizedProps {
  source: SizeSource;
  children: (size: TerminalSize) => ReactNode;
}

/** Renders its children with the current terminal size, again after every resize. */
export function Sized({ source, children }: SizedProps): ReactNode {
  return children(useTerminalSize(source));
}
