// kubectl's pod READY / STATUS / RESTARTS logic (printers.go printPod), rewritten for raw JSON.

export interface ContainerState {
  waiting?: { reason?: string };
  running?: { startedAt?: string };
  terminated?: { reason?: string; exitCode?: number; signal?: number; finishedAt?: string };
}

export interface ContainerStatus {
  name: string;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  state?: ContainerState;
  lastState?: ContainerState;
}

export interface PodCondition {
  type: string;
  status: string;
  reason?: string;
}

export interface PodShape {
  spec?: {
    containers?: unknown[];
    initContainers?: { name: string; restartPolicy?: string }[];
    nodeName?: string;
    readinessGates?: { conditionType: string }[];
  };
  status?: {
    phase?: string;
    reason?: string;
    conditions?: PodCondition[];
    initContainerStatuses?: ContainerStatus[];
    containerStatuses?: ContainerStatus[];
    podIP?: string;
    podIPs?: { ip: string }[];
    nominatedNodeName?: string;
  };
  metadata: { deletionTimestamp?: string };
}

export interface PodSummary {
  /** kubectl's STATUS cell. */
  status: string;
  ready: number;
  total: number;
  restarts: number;
  /** Epoch ms of the latest lastState.terminated.finishedAt counted, or NaN. */
  lastRestart: number;
}

/** Whether any condition of the type is True (kubectl's check for Ready). */
function anyConditionTrue(conditions: PodCondition[] | undefined, type: string): boolean {
  if (!conditions) return false;
  for (const c of conditions) if (c.type === type && c.status === 'True') return true;
  return false;
}

/** Whether the first condition of the type is True (kubectl's check for Initialized). */
function firstConditionTrue(conditions: PodCondition[] | undefined, type: string): boolean {
  if (!conditions) return false;
  for (const c of conditions) if (c.type === type) return c.status === 'True';
  return false;
}

function isSidecar(pod: PodShape, name: string): boolean {
  const inits = pod.spec?.initContainers;
  if (!inits) return false;
  for (const c of inits) if (c.name === name) return c.restartPolicy === 'Always';
  return false;
}

function finishedAt(c: ContainerStatus): number {
  const at = c.lastState?.terminated?.finishedAt;
  return at ? Date.parse(at) : NaN;
}

/** "Init:<reason>" etc. for the first init container that has not finished; undefined if all have. */
function initReason(c: ContainerStatus, index: number, count: number): string | undefined {
  const term = c.state?.terminated;
  if (term) {
    if (term.reason) return `Init:${term.reason}`;
    return term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode ?? 0}`;
  }
  const waiting = c.state?.waiting?.reason;
  if (waiting && waiting !== 'PodInitializing') return `Init:${waiting}`;
  return `Init:${index}/${count}`;
}

export function podSummary(pod: PodShape): PodSummary {
  const spec = pod.spec;
  const st = pod.status ?? {};
  let total = spec?.containers?.length ?? 0;
  const inits = spec?.initContainers;
  if (inits) for (const c of inits) if (c.restartPolicy === 'Always') total++;

  let reason = st.reason || st.phase || '';
  if (st.conditions) {
    for (const c of st.conditions) if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  let ready = 0;
  let restarts = 0;
  // -Infinity = none yet (Go's zero time); NaN (no finishedAt) never compares greater.
  let lastRestart = -Infinity;
  let sidecarRestarts = 0;
  let sidecarLastRestart = -Infinity;
  let initializing = false;
  const initStatuses = st.initContainerStatuses;
  if (initStatuses) {
    for (let i = 0; i < initStatuses.length; i++) {
      const c = initStatuses[i] as ContainerStatus;
      const at = finishedAt(c);
      restarts += c.restartCount ?? 0;
      if (at > lastRestart) lastRestart = at;
      const sidecar = isSidecar(pod, c.name);
      if (sidecar) {
        sidecarRestarts += c.restartCount ?? 0;
        if (at > sidecarLastRestart) sidecarLastRestart = at;
      }
      const term = c.state?.terminated;
      if (term && (term.exitCode ?? 0) === 0) continue;
      if (sidecar && c.started === true) {
        if (c.ready) ready++;
        continue;
      }
      reason = initReason(c, i, inits?.length ?? 0) as string;
      initializing = true;
      break;
    }
  }

  if (!initializing || firstConditionTrue(st.conditions, 'Initialized')) {
    restarts = sidecarRestarts;
    lastRestart = sidecarLastRestart;
    let hasRunning = false;
    const statuses = st.containerStatuses;
    if (statuses) {
      for (let i = statuses.length - 1; i >= 0; i--) {
        const c = statuses[i] as ContainerStatus;
        restarts += c.restartCount ?? 0;
        const at = finishedAt(c);
        if (at > lastRestart) lastRestart = at;
        const state = c.state;
        const term = state?.terminated;
        if (state?.waiting?.reason) reason = state.waiting.reason;
        else if (term?.reason) reason = term.reason;
        else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode ?? 0}`;
        else if (c.ready && state?.running) {
          hasRunning = true;
          ready++;
        }
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = anyConditionTrue(st.conditions, 'Ready') ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata.deletionTimestamp) {
    if (st.reason === 'NodeLost') reason = 'Unknown';
    else if (st.phase !== 'Succeeded' && st.phase !== 'Failed') reason = 'Terminating';
  }
  return { status: reason, ready, total, restarts, lastRestart: lastRestart === -Infinity ? NaN : lastRestart };
}
