// CPU and memory of a process from /proc/<pid>/stat and /proc/<pid>/status (Linux only).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** utime + stime of the process, in seconds. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

export interface Memory {
  rssMb: number;
  /** Peak RSS so far (VmHWM). */
  peakMb: number;
}

export function memory(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** CPU used by `pid` while `during` runs, as % of one core; RSS sampled every 500 ms meanwhile. */
export async function measureWindow<T>(pid: number, during: () => Promise<T>): Promise<{ cpuPct: number; rssMb: number[]; seconds: number; result: T }> {
  const rssMb: number[] = [];
  const sample = () => {
    try {
      rssMb.push(memory(pid).rssMb);
    } catch {
      // The process may be gone; the caller reports it.
    }
  };
  const timer = setInterval(sample, 500);
  const cpu0 = cpuSeconds(pid);
  const t0 = performance.now();
  try {
    const result = await during();
    const seconds = (performance.now() - t0) / 1000;
    const cpuPct = ((cpuSeconds(pid) - cpu0) / seconds) * 100;
    sample();
    return { cpuPct, rssMb, seconds, result };
  } finally {
    clearInterval(timer);
  }
}
