// A pod's (or pod template's) containers as kubectl describe lists them: image, ports, state,
// resources, probes, environment and mounts.
import { field, arr, num, printBool, rfc1123z, str, stringOrNone } from './format.js';
import { milliValue, parseQuantity, quantityText, unitValue, ZERO } from '../resources/quantity.js';
import { sortedKeys, type DescribeWriter } from './writer.js';

type Obj = Record<string, unknown>;

function ports(list: Obj[], which: 'containerPort' | 'hostPort'): string {
  return list
    .map((p) => {
      const s = `${num(p[which])}/${str(p.protocol)}`;
      return p.name ? `${s} (${str(p.name)})` : s;
    })
    .join(', ');
}

/** Limits then Requests, each resource sorted by name, at `level`. */
export function describeResources(w: DescribeWriter, resources: unknown, level: number): void {
  for (const [title, key] of [['Limits', 'limits'], ['Requests', 'requests']] as const) {
    const map = field<Record<string, unknown>>(resources, key) ?? {};
    const names = sortedKeys(map);
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const name of names) w.write(level + 1, `${name}:\t${quantityText(map[name])}\n`);
  }
}

function intOrString(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

/** kubectl's DescribeProbe: "http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3". */
export function describeProbe(p: Obj): string {
  const attrs = `delay=${num(p.initialDelaySeconds)}s timeout=${num(p.timeoutSeconds)}s period=${num(p.periodSeconds)}s #success=${num(p.successThreshold)} #failure=${num(p.failureThreshold)}`;
  const exec = p.exec as Obj | undefined;
  const http = p.httpGet as Obj | undefined;
  const tcp = p.tcpSocket as Obj | undefined;
  const grpc = p.grpc as Obj | undefined;
  if (exec) return `exec [${arr<string>(exec.command).join(' ')}] ${attrs}`;
  if (http) {
    const host = str(http.host);
    const port = intOrString(http.port);
    const hostPort = port ? (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`) : host;
    return `http-get ${str(http.scheme).toLowerCase()}://${hostPort}${str(http.path)} ${attrs}`;
  }
  if (tcp) return `tcp-socket ${str(tcp.host)}:${intOrString(tcp.port)} ${attrs}`;
  if (grpc) return `grpc <pod>:${num(grpc.port)} ${str(grpc.service)} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeState(w: DescribeWriter, title: string, state: Obj | undefined): void {
  const running = state?.running as Obj | undefined;
  const waiting = state?.waiting as Obj | undefined;
  const terminated = state?.terminated as Obj | undefined;
  if (running) {
    w.write(2, `${title}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(running.startedAt)}\n`);
  } else if (terminated) {
    w.write(2, `${title}:\tTerminated\n`);
    if (terminated.reason) w.write(3, `Reason:\t${str(terminated.reason)}\n`);
    if (terminated.message) w.write(3, `Message:\t${str(terminated.message)}\n`);
    w.write(3, `Exit Code:\t${num(terminated.exitCode)}\n`);
    if (num(terminated.signal) > 0) w.write(3, `Signal:\t${num(terminated.signal)}\n`);
    w.write(3, `Started:\t${rfc1123z(terminated.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(terminated.finishedAt)}\n`);
  } else {
    w.write(2, `${title}:\tWaiting\n`);
    if (waiting?.reason) w.write(3, `Reason:\t${str(waiting.reason)}\n`);
  }
}

/** A resourceFieldRef's value as the container would see it (rounded up to the divisor). */
function resourceValue(c: Obj, ref: Obj): string {
  const resource = str(ref.resource);
  const [kind, name] = resource.split('.') as [string, string | undefined];
  if ((kind !== 'limits' && kind !== 'requests') || !name) return '';
  const q = parseQuantity(field(c, 'resources', kind, name)) ?? ZERO;
  const divisor = parseQuantity(ref.divisor);
  const d = divisor && divisor.nano !== 0n ? divisor : parseQuantity('1');
  if (!d) return '';
  const value = name === 'cpu' ? Math.ceil(milliValue(q) / milliValue(d)) : Math.ceil(unitValue(q) / unitValue(d));
  const text = String(value);
  return text === '0' && (resource === 'limits.cpu' || resource === 'limits.memory') ? 'node allocatable' : text;
}

function envValueFrom(e: Obj, pod: Obj | undefined, c: Obj): string {
  const from = e.valueFrom as Obj;
  const fieldRef = from.fieldRef as Obj | undefined;
  const resourceRef = from.resourceFieldRef as Obj | undefined;
  const secret = from.secretKeyRef as Obj | undefined;
  const configMap = from.configMapKeyRef as Obj | undefined;
  if (fieldRef) {
    const path = str(fieldRef.fieldPath);
    const value = pod ? resolveFieldPath(pod, path) : '';
    return `${str(e.name)}:\t${value} (${str(fieldRef.apiVersion)}:${path})\n`;
  }
  if (resourceRef) return `${str(e.name)}:\t${resourceValue(c, resourceRef)} (${str(resourceRef.resource)})\n`;
  if (secret) return `${str(e.name)}:\t<set to the key '${str(secret.key)}' in secret '${str(secret.name)}'>\tOptional: ${secret.optional === true}\n`;
  if (configMap) return `${str(e.name)}:\t<set to the key '${str(configMap.key)}' of config map '${str(configMap.name)}'>\tOptional: ${configMap.optional === true}\n`;
  return '';
}

/** The downward-API paths kubectl resolves for Environment: metadata.*, spec.*, status.*IP. */
function resolveFieldPath(pod: Obj, path: string): string {
  const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (m) return str(field(pod, 'metadata', m[1] as string, m[2] as string));
  const parts = path.split('.');
  const value = field(pod, ...parts);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function describeEnv(w: DescribeWriter, c: Obj, pod: Obj | undefined): void {
  const envFrom = arr(c.envFrom);
  if (envFrom.length > 0) {
    w.write(2, 'Environment Variables from:\n');
    for (const e of envFrom) {
      const cm = e.configMapRef as Obj | undefined;
      const secret = e.secretRef as Obj | undefined;
      const ref = cm ?? secret;
      const from = cm ? 'ConfigMap' : secret ? 'Secret' : '';
      const prefix = e.prefix ? ` with prefix '${str(e.prefix)}'` : '';
      w.write(3, `${str(ref?.name)}\t${from}${prefix}\tOptional: ${ref?.optional === true}\n`);
    }
  }
  const env = arr(c.env);
  w.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    if (!e.valueFrom) {
      str(e.value)
        .split('\n')
        .forEach((s, i) => w.write(3, i === 0 ? `${str(e.name)}:\t${s}\n` : `\t${s}\n`));
    } else {
      const line = envValueFrom(e, pod, c);
      if (line) w.write(3, line);
    }
  }
}

function describeMounts(w: DescribeWriter, c: Obj): void {
  const mounts = [...arr(c.volumeMounts)].sort((a, b) => (str(a.mountPath) < str(b.mountPath) ? -1 : str(a.mountPath) > str(b.mountPath) ? 1 : 0));
  const none = mounts.length === 0 ? '\t<none>' : '';
  w.write(2, `Mounts:${none}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${JSON.stringify(str(m.subPath))}`);
    w.write(3, `${str(m.mountPath)} from ${str(m.name)} (${flags.join(',')})\n`);
  }
  const devices = [...arr(c.volumeDevices)].sort((a, b) => (str(a.devicePath) < str(b.devicePath) ? -1 : 1));
  if (devices.length > 0) {
    w.write(2, `Devices:${none}\n`);
    for (const d of devices) w.write(3, `${str(d.devicePath)} from ${str(d.name)}\n`);
  }
}

/**
 * "Containers:" and each container. `statuses` are the pod's container statuses (absent for a
 * template); `space` is "  " inside a Pod Template, which also indents names by one more space.
 */
export function describeContainers(w: DescribeWriter, label: string, containers: Obj[], statuses: Obj[] | undefined, pod: Obj | undefined, space: string): void {
  const byName = new Map((statuses ?? []).map((s) => [str(s.name), s]));
  w.write(0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const c of containers) {
    const status = byName.get(str(c.name));
    w.write(1, `${space ? ' ' : ''}${str(c.name)}:\n`);
    if (status) w.write(2, `Container ID:\t${str(status.containerID)}\n`);
    w.write(2, `Image:\t${str(c.image)}\n`);
    if (status) w.write(2, `Image ID:\t${str(status.imageID)}\n`);
    const list = arr(c.ports);
    const p = ports(list, 'containerPort');
    w.write(2, p.includes(',') ? `Ports:\t${p}\n` : `Port:\t${stringOrNone(p)}\n`);
    const hp = ports(list, 'hostPort');
    w.write(2, hp.includes(',') ? `Host Ports:\t${hp}\n` : `Host Port:\t${stringOrNone(hp)}\n`);
    const seccomp = field<Obj>(c, 'securityContext', 'seccompProfile');
    if (seccomp) {
      w.write(2, `SeccompProfile:\t${str(seccomp.type)}\n`);
      if (seccomp.type === 'Localhost') w.write(3, `LocalhostProfile:\t${str(seccomp.localhostProfile)}\n`);
    }
    for (const [title, key] of [['Command', 'command'], ['Args', 'args']] as const) {
      const items = arr<string>(c[key]);
      if (items.length === 0) continue;
      w.write(2, `${title}:\n`);
      for (const item of items) for (const s of String(item).split('\n')) w.write(3, `${s}\n`);
    }
    if (status) {
      describeState(w, 'State', status.state as Obj | undefined);
      const last = status.lastState as Obj | undefined;
      if (last?.terminated) describeState(w, 'Last State', last);
      w.write(2, `Ready:\t${printBool(status.ready)}\n`);
      w.write(2, `Restart Count:\t${num(status.restartCount)}\n`);
    }
    describeResources(w, c.resources, 2);
    for (const [title, key] of [['Liveness', 'livenessProbe'], ['Readiness', 'readinessProbe'], ['Startup', 'startupProbe']] as const) {
      const probe = c[key] as Obj | undefined;
      if (probe) w.write(2, `${title}:\t${describeProbe(probe)}\n`);
    }
    describeEnv(w, c, pod);
    describeMounts(w, c);
  }
}
