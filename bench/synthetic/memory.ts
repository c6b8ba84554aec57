// Heap figures for the synthetic benchmark: a forced GC (exposed at run time) before each reading.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export async function settleGc(): Promise<void> {
  gc();
  await new Promise((r) => setTimeout(r, 10));
  gc();
}

export function heapMb(): number {
  return process.memoryUsage().heapUsed / 2 ** 20;
}
