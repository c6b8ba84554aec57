// A log view's data: watches the pods it shows (one by name, or a workload's by label selector),
// streams their chosen containers through a LogSource, and re-renders at most once per frame.
// Pods that start join, pods that go leave with a marker, a restarted container is followed.
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { LogsTarget } from '../app/logs-state.js';
import type { TextStreamer } from '../kube/text-stream.js';
import type { KubeObject, WatchKey } from '../kube/types.js';
import { createLogSource, type LogSnapshot, type LogSource } from '../logs/log-source.js';
import { logRequest, type LogUi } from '../logs/log-ui.js';
import type { LogSettings } from '../logs/log-settings.js';
import { podTargets } from '../logs/pod-targets.js';
import type { DataSource } from '../store/types.js';
import { useResource } from './useResource.js';


export interface LogsData {
  source: LogSource;
  snapshot: LogSnapshot;
  /** The pods shown (undefined until the watch has listed them). */
  pods: readonly KubeObject[] | undefined;
  /** Set when there are more pods than settings.askAbove and the user has not said yes. */
  askPods?: number;
  /** The pod watch's trouble, if any. */
  error?: string;
}

export function podsKey(target: LogsTarget): WatchKey {
  return target.pod
    ? { kind: 'pods', namespace: target.namespace, fieldSelector: `metadata.name=${target.pod}` }
    : { kind: 'pods', namespace: target.namespace, labelSelector: target.labelSelector ?? '' };
}

export function useLogs(
  streamer: TextStreamer,
  data: DataSource,
  target: LogsTarget,
  ui: Pick<LogUi, 'container' | 'range' | 'previous'>,
  settings: LogSettings,
  confirmed: boolean,
): LogsData {
  const pods = useResource(data, podsKey(target));
  const source = useMemo(
    () => createLogSource(streamer, logRequest(ui, settings.tail), { capacity: settings.capacity }),
    // One source per view: a new range or `p` reopens its streams (setRequest below).
    [streamer, target, settings.capacity],
  );
  useEffect(() => () => source.close(), [source]);

  const request = logRequest(ui, settings.tail);
  const requestId = JSON.stringify(request);
  const first = useMemo(() => ({ id: requestId }), [source]);
  useEffect(() => {
    if (first.id !== requestId) source.setRequest(request);
    first.id = requestId;
  }, [source, requestId]);

  const listed = pods && pods.status.state !== 'loading' ? pods.items : undefined;
  const askPods = listed && !target.pod && listed.length > settings.askAbove && !confirmed ? listed.length : undefined;
  useEffect(() => {
    if (!listed || ui.container === undefined || askPods) return;
    source.sync(podTargets(listed, ui.container, ui.previous), 'pod deleted');
  }, [source, listed, ui.container, ui.previous, askPods]);

  const snapshot = useSyncExternalStore(source.subscribe, source.snapshot, source.snapshot);
  const error = pods?.status.state === 'forbidden' || pods?.status.state === 'error' ? pods.status.message : undefined;
  return { source, snapshot, pods: listed, askPods, ...(error ? { error } : {}) };
}
