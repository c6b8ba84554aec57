// What runs the stream actions for the App: shell and attach sessions with the terminal handed
// over through Ink (terminal/handover.ts) to the session in raw mode (terminal/pass-through.ts),
// and the context's port-forwards, which follow their target's pods through the data source's
// watch and all stop when the App goes (kt exits, or another context is opened).
import { useApp } from 'ink';
import { useEffect, useMemo } from 'react';
import type { Handover } from '../actions/command.js';
import type { WebSocketDialer } from '../kube/websocket.js';
import type { DataSource } from '../store/types.js';
import type { WatchKey } from '../kube/types.js';
import { createForwards, freeLocalPort, type Forwards } from '../stream/forwards.js';
import { runSession } from '../stream/session.js';
import { handOver } from '../terminal/handover.js';
import { passThrough } from '../terminal/pass-through.js';

export interface Streams {
  runners: Required<Pick<Handover, 'session' | 'forward'>>;
  forwards: Forwards;
}

/** How long a forward to a Service or Deployment waits for its pods' first list. */
const LIST_WAIT_MS = 10_000;

/** Resolves once the watch of `key` has listed (or failed), or after `ms`. */
function listed(source: DataSource, key: WatchKey, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => source.snapshot(key).status.state !== 'loading';
    if (done()) return resolve();
    const timer = setTimeout(finish, ms);
    const stop = source.subscribe(() => done() && finish());
    function finish() {
      clearTimeout(timer);
      stop();
      resolve();
    }
  });
}

export function useStreams(dialer: WebSocketDialer | undefined, source: DataSource): Streams | undefined {
  const { suspendTerminal } = useApp();
  const forwards = useMemo(() => (dialer ? createForwards(dialer) : undefined), [dialer]);
  useEffect(() => () => forwards?.stopAll(), [forwards]);
  return useMemo(() => {
    if (!dialer || !forwards) return undefined;
    const runners: Streams['runners'] = {
      session: (req) =>
        runSession(req, {
          dialer,
          handOver: (run) => handOver(suspendTerminal, process.stdout, run),
          terminal: () => passThrough(process.stdin, process.stdout),
        }),
      async forward(order) {
        const { target, choice, address } = order;
        // The port the form offered may be taken by now: the next free one then (a typed one is kept).
        const localPort = order.orNextFree ? await freeLocalPort(address, order.localPort) : order.localPort;
        const key = target.labelSelector ? { kind: 'pods', namespace: target.namespace, labelSelector: target.labelSelector } : undefined;
        const watch = key ? { pods: () => source.snapshot(key).items, release: source.acquire(key) } : {};
        // The first connection must find the pods: the forward starts once their list is in.
        if (key) await listed(source, key, LIST_WAIT_MS);
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
