// Whether the user may read logs where the focused pane is: a SelfSubjectAccessReview for
// `get pods/log` (what `kubectl logs` needs), asked when the kind or namespace changes. The
// footer greys `l` and `l` says why when it is denied.
import { useEffect, useState } from 'react';
import type { AccessAnswer } from '../actions/access.js';
import { errorLine } from '../actions/outcome.js';
import { activeBindings } from '../keys/bindings.js';
import { formatKey } from '../keys/match.js';
import type { KubeClient } from '../kube/client.js';
import type { Hint } from '../app/hint.js';
import { hasLogs } from './log-kinds.js';

interface ReviewStatus {
  status?: { allowed?: boolean; reason?: string; evaluationError?: string };
}

export async function checkLogAccess(client: KubeClient, namespace: string | undefined): Promise<AccessAnswer> {
  const resourceAttributes = { verb: 'get', group: '', resource: 'pods', subresource: 'log', ...(namespace ? { namespace } : {}) };
  try {
    const res = await client.request<ReviewStatus>('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes },
    });
    if (res?.status?.allowed) return { allowed: true };
    const what = `cannot get resource "pods/log" in API group ""${namespace ? ` in the namespace "${namespace}"` : ''}`;
    const why = res?.status?.reason || res?.status?.evaluationError;
    return { allowed: false, reason: why ? `${what}: ${why}` : what };
  } catch (err) {
    return { allowed: false, reason: `cannot check access to logs: ${errorLine(err)}` };
  }
}

/** The answer for the focused kind and namespace; undefined while asking or where logs do not apply. */
export function useLogAccess(client: KubeClient | undefined, kind: string, namespace: string | undefined): AccessAnswer | undefined {
  const applies = Boolean(client) && hasLogs(kind);
  const key = `${namespace ?? ''}`;
  const [answer, setAnswer] = useState<{ key: string; answer: AccessAnswer }>();
  useEffect(() => {
    if (!client || !applies) return;
    let live = true;
    void checkLogAccess(client, namespace).then((a) => live && setAnswer({ key, answer: a }));
    return () => {
      live = false;
    };
  }, [client, applies, namespace, key]);
  return applies && answer?.key === key ? answer.answer : undefined;
}

/** The footer hint for `l` where logs apply: greyed while the user may not read them. */
export function logHints(kind: string, answer: AccessAnswer | undefined): Hint[] {
  const key = activeBindings().find((b) => b.id === 'view.logs')?.keys[0];
  if (!key || !hasLogs(kind)) return [];
  return [{ key: formatKey(key), label: 'logs', ...(answer && !answer.allowed ? { disabled: true } : {}) }];
}
