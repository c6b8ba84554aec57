// Discovery cached on disk per cluster, as kubectl caches it (~/.kube/cache/discovery/<host>):
// the next start knows every kind before the server has answered.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DiscoveredResource } from './discovery.js';

interface CacheFile {
  server: string;
  fetchedAt: number;
  resources: DiscoveredResource[];
}

/** $KT_CACHE_DIR, else beside $KT_CONFIG_DIR (tests), else $XDG_CACHE_HOME/kt-nodejs or ~/.cache/kt-nodejs. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (env.KT_CACHE_DIR) return env.KT_CACHE_DIR;
  if (env.KT_CONFIG_DIR) return join(env.KT_CONFIG_DIR, 'cache');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'kt-nodejs');
}

/** kubectl's file name for a server: "https://127.0.0.1:6443" → "127.0.0.1_6443". */
export function discoveryCacheFile(dir: string, server: string): string {
  let host = server;
  try {
    const url = new URL(server);
    host = `${url.hostname}_${url.port || (url.protocol === 'http:' ? '80' : '443')}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    // not a URL: the raw string, made safe below
  }
  return join(dir, 'discovery', `${host.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
}

/** The cached resources, or undefined when there is no usable cache (absent, corrupt, another server's). */
export function readDiscoveryCache(file: string, server: string): DiscoveredResource[] | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    return parsed.server === server && Array.isArray(parsed.resources) ? parsed.resources : undefined;
  } catch {
    return undefined;
  }
}

/** Writes atomically (a reader never sees half a file); a failure to write is not kt's user's problem. */
export function writeDiscoveryCache(file: string, server: string, resources: DiscoveredResource[], now = Date.now()): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ server, fetchedAt: now, resources } satisfies CacheFile));
    renameSync(tmp, file);
  } catch {
    // read-only home, full disk: discovery still works from the server
  }
}
