// What runs the stream actions for the App: shell and attach sessions with the terminal handed
// over through Ink (terminal/handover.ts) to the session in raw mode (terminal/pass-through.ts),
// and the context's port-forwards, which follow their target's pods through the data source's
// watch and all stop when the App goes (kt exits, or another context is opened).
import { useApp } from 'ink';
import { useEffect, useMemo } from 'react';
import type { StreamRunners } from '../app/action-plan.js';
import type { WebSocketDialer } from '../kube/websocket.js';
import type { DataSource } from '../store/types.js';
import { createForwards, type Forwards } from '../stream/forwards.js';
import { runSession } from '../stream/session.js';
import { handOver } from '../terminal/handover.js';
import { passThrough } from '../terminal/pass-through.js';

export interface Streams {
  runners: StreamRunners;
  forwards: Forwards;
}

export function useStreams(dialer: WebSocketDialer | undefined, source: DataSource): Streams | undefined {
  const { suspendTerminal } = useApp();
  const forwards = useMemo(() => (dialer ? createForwards(dialer) : undefined), [dialer]);
  useEffect(() => () => forwards?.stopAll(), [forwards]);
  return useMemo(() => {
    if (!dialer || !forwards) return undefined;
    const runners: StreamRunners = {
      session: (req) =>
        runSession(req, {
          dialer,
          handOver: (run) => handOver(suspendTerminal, process.stdout, run),
          terminal: () => passThrough(process.stdin, process.stdout),
        }),
      async forward(order) {
        const { target, choice, localPort, address } = order;
        const key = target.labelSelector ? { kind: 'pods', namespace: target.namespace, labelSelector: target.labelSelector } : undefined;
        const watch = key ? { pods: () => source.snapshot(key).items, release: source.acquire(key) } : {};
        try {
          await forwards.start({ target, choice, localPort, address, ...watch });
        } catch (err) {
          return { ok: false, message: err instanceof Error ? err.message : String(err) };
        }
        return { ok: true, message: `forwarding ${address}:${localPort} → ${target.type}/${target.name}:${choice.port} (:pf lists the forwards)` };
      },
    };
    return { runners, forwards };
  }, [dialer, forwards, source, suspendTerminal]);
}
