// ReplicationControllers, as `kubectl get replicationcontrollers -o wide`: a ReplicaSet's columns,
// with the map selector of the older API.
import type { KubeObject } from '../kube/types.js';
import { replicasets } from './replicasets.js';
import type { Renderer } from './types.js';

export const replicationcontrollers: Renderer = {
  columns: replicasets.columns,
  render(obj: KubeObject, ctx) {
    const spec = obj.spec as { selector?: Record<string, string> } | undefined;
    const asSet = spec ? { ...obj, spec: { ...spec, selector: spec.selector ? { matchLabels: spec.selector } : undefined } } : obj;
    return replicasets.render(asSet, ctx);
  },
};
