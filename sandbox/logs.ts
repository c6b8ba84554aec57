// Writes container logs in the sandbox, which kwok serves through the API server (kubectl logs -f).
//   npm run sandbox:logs -- NAMESPACE/POD [--container C] [--lines N] [--rate LINES_PER_S] [--prefix TEXT] [--restart]
// Gives the pod its own log files (a kwok Logs object), then appends N lines (default 1000) at the
// rate (default 5000/s). --restart first turns the current log into the previous one and counts a
// restart in the pod's status, as a kubelet would after the container exited.
import { ensurePodLogs, restartContainer, writeBurst, type PodRef } from './log-driver.js';
import { createKubeClient } from '../src/kube/client.js';
import { sandboxKubeConfig, stateDir } from '../test/helpers/sandbox.js';

const USAGE = 'usage: npm run sandbox:logs -- NAMESPACE/POD [--container C] [--lines N] [--rate LINES_PER_S] [--prefix TEXT] [--restart]';

interface Args {
  pod: PodRef;
  container?: string;
  lines: number;
  rate: number;
  prefix: string;
  restart: boolean;
}

function parseArgs(argv: string[]): Args {
  const [target, ...rest] = argv;
  const [namespace, name] = (target ?? '').split('/');
  if (!namespace || !name) throw new Error(`the first argument must be NAMESPACE/POD; ${USAGE}`);
  const args: Args = { pod: { namespace, name }, lines: 1000, rate: 5000, prefix: 'line', restart: false };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    const value = rest[i + 1];
    if (flag === '--restart') args.restart = true;
    else if (flag === '--container' && value) args.container = value;
    else if (flag === '--prefix' && value) args.prefix = value;
    else if ((flag === '--lines' || flag === '--rate') && Number(value) > 0) args[flag === '--lines' ? 'lines' : 'rate'] = Number(value);
    else throw new Error(`unexpected argument "${flag}"; ${USAGE}`);
    if (flag !== '--restart') i++;
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const client = createKubeClient(sandboxKubeConfig());
  try {
    const containers = await ensurePodLogs(client, stateDir, args.pod);
    const container = args.container ?? containers.at(-1);
    if (!container || !containers.includes(container)) throw new Error(`pod ${args.pod.namespace}/${args.pod.name} has no container "${container}" (it has ${containers.join(', ')})`);
    if (args.restart) console.log(`restarted ${container}: restart count ${await restartContainer(client, stateDir, args.pod, container)}`);
    const ms = await writeBurst(stateDir, args.pod, container, args.lines, args.rate, args.prefix);
    console.log(`wrote ${args.lines} lines to ${args.pod.namespace}/${args.pod.name} ${container} in ${(ms / 1000).toFixed(2)} s`);
  } finally {
    client.close();
  }
}

main().catch((err: unknown) => {
  console.error(`sandbox:logs: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
