// Re-renders when discovery changes the kinds the registry knows (a CRD added, the first answer).
import { useSyncExternalStore } from 'react';
import { registry } from '../kinds/registry.js';

const subscribe = (onChange: () => void) => registry.subscribe(onChange);
const revision = () => registry.revision;

/** The registry's revision: a component that reads findKind() during render calls this to follow it. */
export function useKinds(): number {
  return useSyncExternalStore(subscribe, revision);
}
