// The texts that go beside the binary: the tarball's README and the krew manifest (kt.yaml).

export function tarballReadme({ version, commit, arch, node }) {
  return `kt ${version} (commit ${commit}): a keyboard-driven terminal UI for Kubernetes.
One binary for Linux ${arch} with Node ${node} inside: the machine needs no Node.
It needs glibc 2.28 or newer (Debian 10, Ubuntu 20.04, RHEL 8 and later).

Install, as kt and as the kubectl plugin \`kubectl kt\`:

  install kt /usr/local/bin/ && ln -s kt /usr/local/bin/kubectl-kt

Then run \`kt\` (or \`kubectl kt\`) in a terminal: it uses kubectl's kubeconfig
($KUBECONFIG or ~/.kube/config). \`kt --help\` lists the flags and keys,
\`kt version\` what you run.

License: Apache-2.0 (LICENSE).
`;
}

/** krew's plugin manifest (krew.sigs.k8s.io/docs/developer-guide/plugin-manifest). */
export function krewManifest({ version, baseUrl, sha256 }) {
  // Without KT_RELEASE_URL the uri is a reserved, never-resolving host: krew then needs --archive.
  const base = baseUrl ?? `https://example.invalid/kt/v${version}`;
  const platform = (arch) => `  - selector:
      matchLabels:
        os: linux
        arch: ${arch}
    uri: ${base}/kt-linux-${arch}.tar.gz
    sha256: ${sha256[arch]}
    files:
      - from: kt
        to: .
      - from: LICENSE
        to: .
    bin: kt
`;
  return `apiVersion: krew.googlecontainertools.github.com/v1alpha2
kind: Plugin
metadata:
  name: kt
spec:
  version: v${version}
  shortDescription: Keyboard-driven terminal UI for the cluster
  description: |
    kt shows the cluster in live panes fed by watches (nodes, pods, workloads) with
    kubectl's columns, and acts with one key (describe, scale, label, delete),
    asking before any change.
    It is one binary with Node inside: the machine needs no Node.
  platforms:
${Object.keys(sha256).map(platform).join('')}`;
}
