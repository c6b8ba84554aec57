// The describe text of one object, kept fresh while the view is open: described on open, again
// whenever the watched object changes (a watch narrowed to its name), and every few seconds for
// what changes beside it (events, pods, endpoints). Never more than one load in flight: a reload
// asked for during a load runs once when it ends.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DescribeTarget } from '../app/describe-state.js';
import { describeObject } from '../describe/describe-object.js';
import type { KubeClient } from '../kube/client.js';
import { findKind } from '../kinds/registry.js';
import type { WatchKey } from '../kube/types.js';
import type { DataSource } from '../store/types.js';
import { firstLine } from '../text/first-line.js';
import { useResource } from './useResource.js';

export interface DescribeState {
  text?: string;
  /** The last load's error, one line; the text stays the last good one. */
  error?: string;
  /** Loads started so far (for tests and the status line). */
  loads: number;
}

export const DESCRIBE_REFRESH_MS = 3000;
const LOADING = 'gone:loading';

type Describe = typeof describeObject;

export function describeWatchKey(target: DescribeTarget): WatchKey | undefined {
  const spec = findKind(target.kind);
  if (!spec) return undefined;
  const key: WatchKey = { kind: spec.id, fieldSelector: `metadata.name=${target.name}` };
  if (spec.namespaced && target.namespace) key.namespace = target.namespace;
  return key;
}

export function useDescribe(
  client: KubeClient,
  source: DataSource,
  target: DescribeTarget,
  refreshMs = DESCRIBE_REFRESH_MS,
  describe: Describe = describeObject,
): DescribeState {
  const [state, setState] = useState<DescribeState>({ loads: 0 });
  const id = `${target.kind}|${target.namespace ?? ''}|${target.name}|${target.decoded ? 'decoded' : ''}`;
  const key = useMemo(() => describeWatchKey(target), [id]);
  const snapshot = useResource(source, key);
  const obj = snapshot?.items[0];
  // Changes of the object itself (or its disappearance) trigger a describe.
  const version = obj ? (obj.metadata.resourceVersion ?? String(snapshot?.version)) : `gone:${snapshot?.status.state ?? ''}`;

  const loader = useMemo(() => {
    let active = true;
    let inFlight = false;
    let again = false;
    const run = (): void => {
      if (!active) return;
      if (inFlight) {
        again = true;
        return;
      }
      inFlight = true;
      setState((s) => ({ ...s, loads: s.loads + 1 }));
      describe(client, target.kind, target.namespace, target.name, undefined, { decoded: target.decoded })
        .then((text) => {
          if (active) setState((s) => ({ text, loads: s.loads }));
        })
        .catch((err: unknown) => {
          if (active) setState((s) => ({ ...s, error: firstLine(err) }));
        })
        .finally(() => {
          inFlight = false;
          if (again) {
            again = false;
            run();
          }
        });
    };
    return {
      run,
      stop: () => {
        active = false;
      },
    };
  }, [client, id, describe]);

  useEffect(() => () => loader.stop(), [loader]);
  useEffect(() => {
    setState({ loads: 0 });
  }, [loader]);
  // The watch's first list only confirms what the opening describe is fetching: no second load
  // for it (a change in between is caught by the next timer refresh).
  const seen = useRef<{ loader: typeof loader; version: string }>(undefined);
  useEffect(() => {
    const firstList = seen.current?.loader === loader && seen.current.version === LOADING && obj !== undefined;
    seen.current = { loader, version };
    if (!firstList) loader.run();
  }, [loader, version]);
  useEffect(() => {
    if (refreshMs <= 0) return;
    const timer = setInterval(loader.run, refreshMs);
    return () => clearInterval(timer);
  }, [loader, refreshMs]);
  return state;
}
