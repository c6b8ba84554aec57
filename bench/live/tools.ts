// The terminal programs the live benchmark drives: kt (bin/kt.js, run as `kt` runs) and k9s (built by
// bench/k9s.sh), each with a private config dir, the sandbox kubeconfig and all namespaces.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ktBin, repoRoot } from '../../test/helpers/pty.js';
import { kubeconfigPath } from '../../test/helpers/sandbox.js';
import type { Launch, PtyApp } from './pty-driver.js';

export interface Tool {
  /** kt, kt-before (another build of kt, e.g. before a change), k9s. */
  name: string;
  version: string;
  /** A fresh launch (own config dir, removed by cleanup()). */
  launch(): { launch: Launch; cleanup: () => void };
  /** Keys: move the cursor, open the filter, leave it. */
  keys: { down: string; up: string; filter: string; clearFilter: string[] };
}

/** kt: "Pods(all)[1029]"; k9s: "pods(all)[1,029]". */
const TITLE = /pods\(all\)\[([\d,]+)\]/i;

/** Pods in the all-namespaces pods title, or -1 when it is not on screen. */
export function titleCount(screen: string): number {
  return Number(TITLE.exec(screen)?.[1]?.replaceAll(',', '') ?? -1);
}

/**
 * The all-namespaces pods pane is complete: its title counts at least `minPods` (the list is in)
 * and the row of `firstRow` (a pod that sorts near the top) is on screen.
 */
export function podsReady(minPods: number, firstRow?: string): (app: PtyApp) => boolean {
  return (app) => {
    const s = app.screen();
    return titleCount(s) >= minPods && (!firstRow || s.includes(firstRow));
  };
}

function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function ktTool(bin = ktBin, name = 'kt'): Tool {
  const version = execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).trim();
  return {
    name,
    version,
    launch() {
      const dir = tempDir('kt-bench-config-');
      return {
        // Run as `kt` runs: through the file's own first lines (bin/kt.js passes node its flags).
        launch: { file: bin, args: ['--kubeconfig', kubeconfigPath, '-A'], env: { KT_CONFIG_DIR: dir, FORCE_COLOR: undefined, NO_COLOR: undefined }, cwd: repoRoot },
        cleanup: () => rmSync(dir, { recursive: true, force: true }),
      };
    },
    keys: { down: '\x1b[B', up: '\x1b[A', filter: '/', clearFilter: ['\x1b'] },
  };
}

/** A kt launch run by node itself with `nodeFlags` instead (bin/kt.js's own flags are then not used). */
export function viaNode(launch: Launch, nodeFlags: readonly string[]): Launch {
  return { ...launch, file: process.execPath, args: [...nodeFlags, launch.file, ...launch.args] };
}

/** k9s from bench/k9s.sh (built once, cached outside the repo); undefined with the reason when missing. */
export function k9sTool(): Tool | string {
  let bin: string;
  try {
    bin = execFileSync('bash', [join(repoRoot, 'bench', 'k9s.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  } catch {
    return 'bench/k9s.sh could not build k9s';
  }
  const version = /k9s-(v[\d.]+)/.exec(bin)?.[1] ?? 'unknown';
  return {
    name: 'k9s',
    version,
    launch() {
      const dir = tempDir('kt-bench-k9s-');
      const env = {
        XDG_CONFIG_HOME: join(dir, 'config'),
        XDG_DATA_HOME: join(dir, 'data'),
        XDG_STATE_HOME: join(dir, 'state'),
        XDG_CACHE_HOME: join(dir, 'cache'),
        K9S_CONFIG_DIR: join(dir, 'config', 'k9s'),
        K9S_LOGS_DIR: join(dir, 'logs'),
        KUBECONFIG: kubeconfigPath,
      };
      // No release check against GitHub (no network here); everything else as shipped.
      mkdirSync(env.K9S_CONFIG_DIR, { recursive: true });
      writeFileSync(join(env.K9S_CONFIG_DIR, 'config.yaml'), 'k9s:\n  skipLatestRevCheck: true\n');
      return {
        launch: { file: bin, args: ['--kubeconfig', kubeconfigPath, '-A', '-c', 'pods', '--splashless', '--readonly', '--logFile', join(dir, 'k9s.log')], env, cwd: dir },
        cleanup: () => rmSync(dir, { recursive: true, force: true }),
      };
    },
    keys: { down: '\x1b[B', up: '\x1b[A', filter: '/', clearFilter: ['\x1b'] },
  };
}
