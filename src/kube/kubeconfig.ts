// Loads the kubeconfig the way kubectl does: --kubeconfig, else the KUBECONFIG path list (merged,
// first file to set a value wins, missing files skipped), else ~/.kube/config. Every failure is a
// KubeconfigError whose message is one line naming the file, the problem and what to do.
import { accessSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { KubeConfig, type Cluster, type Context, type User } from '@kubernetes/client-node';
import { firstLine } from '../text/first-line.js';

export class KubeconfigError extends Error {
  override name = 'KubeconfigError';
}

export interface LoadKubeconfigOptions {
  /** --kubeconfig FILE: the only file read when given. */
  kubeconfig?: string;
  /** --context NAME: overrides current-context. */
  context?: string;
  /** -n NAME: wins over the context's namespace. */
  namespace?: string;
  env?: NodeJS.ProcessEnv | Record<string, string | undefined>;
  home?: string;
}

export interface LoadedKubeconfig {
  /** Merged config with the selected context made current; pass to createKubeClient. */
  kc: KubeConfig;
  contextName: string;
  clusterName: string;
  /** "" for a context without a user (anonymous). */
  userName: string;
  server: string;
  /** -n, else the context's namespace, else "default". */
  namespace: string;
  /** The files actually read, in merge order. */
  files: string[];
}

interface Parsed {
  clusters: Cluster[];
  users: User[];
  contexts: Context[];
  currentContext?: string;
}

export function loadKubeconfig(opts: LoadKubeconfigOptions = {}): LoadedKubeconfig {
  const env = opts.env ?? process.env;
  const files = kubeconfigFiles(opts.kubeconfig, env.KUBECONFIG, opts.home ?? homedir());
  const merged = mergeFirstWins(files.map(parseFile));
  const where = files.join(', ');

  const contextName = opts.context || merged.currentContext;
  const available = merged.contexts.map((c) => c.name).join(', ') || 'none';
  if (!contextName) {
    if (merged.contexts.length === 0) {
      throw new KubeconfigError(`kt: no contexts in ${where} (add one with kubectl config set-context or pass another --kubeconfig)`);
    }
    throw new KubeconfigError(`kt: no current context in ${where} (pass --context; available: ${available})`);
  }
  const context = merged.contexts.find((c) => c.name === contextName);
  if (!context) throw new KubeconfigError(`kt: context "${contextName}" not found in ${where} (available: ${available})`);
  const cluster = merged.clusters.find((c) => c.name === context.cluster);
  if (!cluster) {
    throw new KubeconfigError(`kt: cluster "${context.cluster}" of context "${contextName}" not found in ${where}`);
  }
  const user = context.user ? merged.users.find((u) => u.name === context.user) : undefined;
  if (context.user && !user) {
    throw new KubeconfigError(`kt: user "${context.user}" of context "${contextName}" not found in ${where}`);
  }
  checkCluster(cluster, where);
  if (user) checkUser(user, where);

  const kc = new KubeConfig();
  kc.loadFromOptions({ ...merged, currentContext: contextName });
  return {
    kc,
    contextName,
    clusterName: cluster.name,
    userName: user?.name ?? '',
    server: cluster.server,
    namespace: opts.namespace || context.namespace || 'default',
    files,
  };
}

/** Which files to read, in order; throws when none of them exists. */
export function kubeconfigFiles(flag: string | undefined, envList: string | undefined, home: string): string[] {
  if (flag) {
    if (!exists(flag)) throw new KubeconfigError(`kt: no kubeconfig found: ${flag} does not exist (check --kubeconfig)`);
    return [flag];
  }
  if (envList) {
    const listed = [...new Set(envList.split(delimiter).filter((f) => f !== ''))];
    if (listed.length > 0) {
      const found = listed.filter(exists);
      if (found.length > 0) return found;
      const verb = listed.length === 1 ? 'does' : 'do';
      throw new KubeconfigError(
        `kt: no kubeconfig found: ${listed.join(', ')} from KUBECONFIG ${verb} not exist (fix KUBECONFIG or pass --kubeconfig)`,
      );
    }
  }
  const file = join(home, '.kube', 'config');
  if (!exists(file)) {
    throw new KubeconfigError(`kt: no kubeconfig found: ${file} does not exist (set KUBECONFIG or pass --kubeconfig)`);
  }
  return [file];
}

function exists(file: string): boolean {
  try {
    accessSync(file);
    return true;
  } catch {
    return false;
  }
}

function parseFile(file: string): Parsed {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : firstLine(err);
    throw new KubeconfigError(`kt: cannot read ${file}: ${why}`);
  }
  // An empty (or comments-only) file is an empty config, as for kubectl.
  if (text.split('\n').every((l) => l.trim() === '' || l.trimStart().startsWith('#'))) {
    return { clusters: [], users: [], contexts: [] };
  }
  const kc = new KubeConfig();
  try {
    kc.loadFromString(text);
  } catch (err) {
    if (err instanceof Error && err.name === 'YAMLException') {
      throw new KubeconfigError(`kt: cannot parse ${file}: ${firstLine(err)}`);
    }
    if (err instanceof TypeError) {
      throw new KubeconfigError(`kt: cannot parse ${file}: not a kubeconfig (expected a YAML mapping)`);
    }
    throw new KubeconfigError(`kt: invalid kubeconfig ${file}: ${firstLine(err)}`);
  }
  kc.makePathsAbsolute(dirname(file));
  const current = kc.getCurrentContext() as string | undefined;
  return { clusters: kc.getClusters(), users: kc.getUsers(), contexts: kc.getContexts(), currentContext: current || undefined };
}

/** kubectl's merge: the first file to define a name (or current-context) wins; later ones are ignored. */
function mergeFirstWins(parts: Parsed[]): Parsed {
  const out: Parsed = { clusters: [], users: [], contexts: [] };
  for (const part of parts) {
    out.currentContext ??= part.currentContext;
    for (const c of part.clusters) if (!out.clusters.some((x) => x.name === c.name)) out.clusters.push(c);
    for (const u of part.users) if (!out.users.some((x) => x.name === u.name)) out.users.push(u);
    for (const c of part.contexts) if (!out.contexts.some((x) => x.name === c.name)) out.contexts.push(c);
  }
  return out;
}

function checkFile(file: string | undefined, what: string, owner: string, where: string): void {
  if (file && !exists(file)) {
    throw new KubeconfigError(`kt: ${what} ${file} of ${owner} in ${where} does not exist (fix the path in the kubeconfig)`);
  }
}

function checkCluster(cluster: Cluster, where: string): void {
  let url: URL;
  try {
    url = new URL(cluster.server);
  } catch {
    throw new KubeconfigError(`kt: invalid server "${cluster.server}" of cluster "${cluster.name}" in ${where} (want https://host:port)`);
  }
  if (url.protocol === 'http:' && !cluster.skipTLSVerify) {
    throw new KubeconfigError(
      `kt: cluster "${cluster.name}" in ${where} uses plain http:// (use https://, or set insecure-skip-tls-verify: true to allow it)`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new KubeconfigError(`kt: invalid server "${cluster.server}" of cluster "${cluster.name}" in ${where} (want https://host:port)`);
  }
  checkFile(cluster.caFile, 'certificate-authority', `cluster "${cluster.name}"`, where);
}

function checkUser(user: User, where: string): void {
  checkFile(user.certFile, 'client-certificate', `user "${user.name}"`, where);
  checkFile(user.keyFile, 'client-key', `user "${user.name}"`, where);
}
