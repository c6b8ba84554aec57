// `:pf`: the active port-forwards (local address and port, the target and its port, the pod the
// latest connection went to, connections open and in all, bytes each way, the latest error), live;
// Ctrl-D stops the one under the cursor, Esc closes.
import { useSyncExternalStore } from 'react';
import type { ForwardInfo, Forwards } from '../stream/forwards.js';
import { ListOverlay, type OverlayProps } from './ListOverlay.js';

const NONE: readonly ForwardInfo[] = [];

/** What `:pf` lists without a connection to stream through (tests that only render): nothing. */
export const NO_FORWARDS: Forwards = {
  start: () => Promise.reject(new Error('port-forward needs a connection to the API server')),
  stop: () => undefined,
  list: () => NONE,
  subscribe: () => () => undefined,
  stopAll: () => undefined,
};

const HEADERS = ['LOCAL', 'TARGET', 'REMOTE', 'POD', 'ACTIVE', 'CONNECTIONS', 'RECEIVED', 'SENT', 'LAST ERROR'] as const;

/** 512B, 1.5KiB, 3.2MiB (kubectl's binary units). */
export function bytes(n: number): string {
  if (n < 1024) return `${n}B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)}${units[unit]}`;
}

export interface ForwardsViewProps extends Omit<OverlayProps, 'dispatch'> {
  forwards: Forwards;
  dispatch: OverlayProps['dispatch'];
  /** Ctrl-D: stop the forward. */
  onStop(id: number): void;
}

export function ForwardsView({ forwards, onStop, ...list }: ForwardsViewProps) {
  const all = useSyncExternalStore(forwards.subscribe, forwards.list);
  const rows = all.map((f) => ({
    key: String(f.id),
    cells: [`${f.address}:${f.localPort}`, f.target, String(f.remotePort), f.pod ?? '', String(f.active), String(f.connections), bytes(f.bytesIn), bytes(f.bytesOut), f.error ?? ''],
  }));
  return (
    <ListOverlay
      {...list}
      title={`Port-forwards[${all.length}]: ctrl-d to stop, esc to close`}
      headers={HEADERS}
      rows={rows}
      empty="no port-forwards: Shift-F on a pod, Service or Deployment starts one"
      onSelect={() => undefined}
      extra={{
        scope: 'forwards',
        onCommand(id, index) {
          const chosen = all[index];
          if (id === 'forwards.stop' && chosen) onStop(chosen.id);
        },
      }}
    />
  );
}
