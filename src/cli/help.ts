// The text for `kt --help` and `kt version`. Neither needs a cluster or a terminal.
import { readFileSync } from 'node:fs';

/**
 * kt's version and commit, built in by the bundler (scripts/build-info.mjs): the single binary has
 * no package.json beside it. Absent when the sources run directly (tests), which read package.json.
 */
declare const KT_BUILD: { version: string; commit: string } | undefined;
const built = typeof KT_BUILD === 'object' ? KT_BUILD : undefined;

/** The version from package.json, found relative to this module (src/cli or dist/cli). */
export function packageVersion(): string {
  if (built) return built.version;
  try {
    const raw = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    const pkg = JSON.parse(raw) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Go's names for the two architectures kt ships for, as the release tarballs are named. */
const ARCH: Readonly<Record<string, string>> = { x64: 'amd64', arm64: 'arm64' };

/** One line, like `go version`: kt's version, its commit, the Node it runs on, and the platform. */
export function versionText(): string {
  const arch = ARCH[process.arch] ?? process.arch;
  return `kt ${packageVersion()} (commit ${built?.commit ?? 'unknown'}, node ${process.versions.node}, ${process.platform}/${arch})\n`;
}

export function helpText(): string {
  return `kt - a keyboard-driven terminal UI for Kubernetes

Usage:
  kt [flags]
  kt version               print kt's version, commit, Node and platform

Flags:
      --kubeconfig FILE    kubeconfig (default: $KUBECONFIG or ~/.kube/config)
      --context NAME       kubeconfig context (default: the current context)
  -n, --namespace NS       start in this namespace
  -A, --all-namespaces     start across all namespaces (wins over -n)
      --request-timeout D  give up on a single request after D: 0 = never (the
                           default), seconds, or a duration like 5s, 1m, 500ms
      --readonly           hide and refuse every action that changes the cluster
      --prometheus-url URL Prometheus for usage and sparklines, e.g.
                           http://localhost:9090 (default: found in the cluster
                           through the API server's service proxy)
      --prometheus-token-file F  bearer token for --prometheus-url
      --metrics-interval D refresh usage every D (default 15s)
  -h, --help               show this help
      --version            print the version (as kt version)

Keys (inside kt; press ? for all of them):
  Up/Down j/k, PgUp/PgDn  move        Enter  drill down     Esc  back
  Tab / Shift-Tab         pane        =      zoom pane      /    filter
  :                       command     0      all namespaces 1-9  favourites
  ?                       help        q, Ctrl-C             quit
  d describe  m metrics (CPU/memory charts)  :prom choose Prometheus
  Space mark  Ctrl-D delete  s scale  L label  T taint  x expose  :journal
  Changes to the cluster always ask for confirmation first.

Environment:
  KUBECONFIG     colon-separated kubeconfig files, as for kubectl
  NO_COLOR       when set, kt draws without colour
  KT_CONFIG_DIR  where kt keeps its remembered namespaces and views, and the
                 "keys" rebinding commands: {"keys":{"action.scale":["S"]}}
  KT_PROMETHEUS_TOKEN  bearer token for --prometheus-url

kt needs an interactive terminal; for scripts use kubectl.
`;
}
