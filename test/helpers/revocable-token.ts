// A ServiceAccount token that a test can revoke and restore, and whose RBAC it can remove and
// restore: a legacy token Secret (deleting it revokes the token; creating it again with the same
// data restores it) and a ClusterRoleBinding to cluster-admin. Used by test/faults/credentials and
// the faults bench.
import { join } from 'node:path';
import { kubectlAsync, oneContextKubeconfig } from './faults.js';
import { apiServerPort, eventually } from './sandbox.js';

interface SecretObject {
  type: string;
  metadata: { name: string; namespace: string; annotations?: Record<string, string> };
  data?: Record<string, string>;
}

export class RevocableToken {
  token = '';
  /** The Secret as the token controller filled it in, to create again. */
  private secret = '';
  private readonly secretName: string;

  constructor(
    /** A directory for the kubeconfig kubectl checks the token with. */
    private readonly dir: string,
    readonly sa = 'kt-faults-revocable',
    readonly namespace = 'default',
  ) {
    this.secretName = `${sa}-token`;
  }

  async create(): Promise<string> {
    const { sa, namespace } = this;
    await kubectlAsync(['apply', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sa, namespace } }));
    const annotations = { 'kubernetes.io/service-account.name': sa };
    const secret = { apiVersion: 'v1', kind: 'Secret', type: 'kubernetes.io/service-account-token', metadata: { name: this.secretName, namespace, annotations } };
    await kubectlAsync(['apply', '-f', '-'], JSON.stringify(secret));
    await this.bind();
    const filled = await eventually(
      async () => {
        const s = JSON.parse(await kubectlAsync(['get', 'secret', this.secretName, '-n', namespace, '-o', 'json'])) as SecretObject;
        return s.data?.token ? s : undefined;
      },
      30_000,
      'the token controller to fill in the token',
    );
    this.token = Buffer.from(filled.data?.token ?? '', 'base64').toString('utf8');
    const { name, annotations: filledAnnotations } = filled.metadata;
    this.secret = JSON.stringify({ apiVersion: 'v1', kind: 'Secret', type: filled.type, metadata: { name, namespace, annotations: filledAnnotations }, data: filled.data });
    return this.token;
  }

  /** Deletes the token's Secret and waits until the server rejects it (it caches accepted tokens for 10 s). */
  async revoke(): Promise<void> {
    await kubectlAsync(['delete', 'secret', this.secretName, '-n', this.namespace]);
    await eventually(async () => (await this.answerTo('/version')) === 'unauthorized', 30_000, 'the token to be rejected');
  }

  /** The Secret again, with the same token. */
  async restore(): Promise<void> {
    await kubectlAsync(['create', '-f', '-'], this.secret);
  }

  /** Removes the binding and waits until RBAC refuses the token. */
  async unbind(): Promise<void> {
    await kubectlAsync(['delete', 'clusterrolebinding', this.sa]);
    await eventually(async () => (await this.answerTo('/api/v1/pods?limit=1')) === 'forbidden', 30_000, 'RBAC to refuse the token');
  }

  async bind(): Promise<void> {
    await kubectlAsync(['create', 'clusterrolebinding', this.sa, '--clusterrole=cluster-admin', `--serviceaccount=${this.namespace}:${this.sa}`]);
  }

  async delete(): Promise<void> {
    for (const args of [['clusterrolebinding', this.sa], ['secret', this.secretName, '-n', this.namespace], ['serviceaccount', this.sa, '-n', this.namespace]]) {
      await kubectlAsync(['delete', '--ignore-not-found', ...args]);
    }
  }

  /** What the API server answers the token (straight, not through a proxy): 'ok', 'unauthorized' or 'forbidden'. */
  private async answerTo(path: string): Promise<string> {
    const direct = oneContextKubeconfig(join(this.dir, 'revocable-direct-kubeconfig'), apiServerPort(), { token: this.token });
    try {
      await kubectlAsync(['get', '--raw', path], undefined, direct);
      return 'ok';
    } catch (err) {
      const text = String(err);
      if (/Unauthorized/i.test(text)) return 'unauthorized';
      if (/Forbidden/i.test(text)) return 'forbidden';
      throw err;
    }
  }
}
