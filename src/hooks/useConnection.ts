// The connection line for the header, re-rendered only when its state or reason changes.
import { useMemo, useSyncExternalStore } from 'react';
import type { ConnectionStatus, DataSource } from '../store/types.js';
import { useSourceSubscribe } from './useResource.js';

export function useConnection(source: DataSource): ConnectionStatus {
  // Read as a string so a source returning a fresh object per call cannot loop the store hook.
  const read = () => {
    const c = source.connection();
    return c.reason === undefined ? c.state : `${c.state}\n${c.reason}`;
  };
  const text = useSyncExternalStore(useSourceSubscribe(source), read, read);
  return useMemo(() => {
    const [state, ...reason] = text.split('\n');
    const status = { state } as ConnectionStatus;
    return reason.length ? { ...status, reason: reason.join('\n') } : status;
  }, [text]);
}
