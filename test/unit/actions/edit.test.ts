import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EDIT_CANCELLED, EDIT_EMPTY, EDIT_HEADER, planEdit, type OpenEditor } from '../../../src/actions/edit.js';
import { KubeApiError } from '../../../src/kube/api-errors.js';
import type { KubeObject } from '../../../src/kube/types.js';
import { scripted, type Call, type FakeKube } from '../fakes/fake-kube.js';
import { target } from './targets.js';

const PATH = '/apis/apps/v1/namespaces/kube-system/daemonsets/kube-proxy';
const ds = target('daemonsets', 'kube-proxy', 'kube-system');
const live = (rv: string): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'kube-proxy', namespace: 'kube-system', resourceVersion: rv, managedFields: [{ manager: 'kubectl' }] },
  spec: { minReadySeconds: 0 },
});

/** An editor that applies one change per run to the file and remembers what it was shown. */
function scriptedEditor(...steps: ((text: string) => string)[]): OpenEditor & { seen: string[] } {
  const seen: string[] = [];
  const open = async (path: string) => {
    const text = readFileSync(path, 'utf8');
    seen.push(text);
    const step = steps[seen.length - 1];
    if (!step) throw new Error('editor opened more often than scripted');
    writeFileSync(path, step(text));
    return { ok: true as const };
  };
  return Object.assign(open, { seen });
}

const setMinReady = (n: number) => (text: string) => text.replace(/minReadySeconds: \d+/, `minReadySeconds: ${n}`);
const puts = (client: FakeKube): Call[] => client.requests.filter((c) => c.method === 'PUT');

async function run(editor: OpenEditor, respond: (call: Call) => unknown) {
  const result = planEdit(ds, editor);
  if (!result.ok) throw new Error(result.error);
  const client = scripted(respond);
  return { plan: result.plan, client, outcome: await result.plan.run(client) };
}

describe('planEdit', () => {
  it('writes the object without managedFields under kubectl header, and PUTs the change at the opened resourceVersion', async () => {
    const editor = scriptedEditor(setMinReady(5));
    const { plan, client, outcome } = await run(editor, (c) => (c.method === 'GET' ? live('41') : {}));
    expect(plan.kubectl).toEqual(['kubectl edit daemonset/kube-proxy -n kube-system']);
    expect(editor.seen[0]?.startsWith(`${EDIT_HEADER.join('\n')}\napiVersion: apps/v1\n`)).toBe(true);
    expect(editor.seen[0]).not.toContain('managedFields');
    expect(puts(client)).toEqual([
      {
        method: 'PUT',
        path: `${PATH}?fieldValidation=Strict`,
        body: { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'kube-proxy', namespace: 'kube-system', resourceVersion: '41' }, spec: { minReadySeconds: 5 } },
      },
    ]);
    expect(outcome).toEqual({ ok: true, message: 'daemonset.apps/kube-proxy edited' });
  });

  it('sends nothing when the file comes back unchanged or empty', async () => {
    let r = await run(scriptedEditor((t) => t), () => live('41'));
    expect(r.outcome).toEqual({ ok: true, message: EDIT_CANCELLED });
    expect(puts(r.client)).toEqual([]);
    r = await run(scriptedEditor(() => '# only a comment\n'), () => live('41'));
    expect(r.outcome).toEqual({ ok: true, message: EDIT_EMPTY });
    expect(puts(r.client)).toEqual([]);
  });

  it('reopens invalid YAML with the error on top and the user text kept', async () => {
    const editor = scriptedEditor((t) => `${t}\n  bad: [\n`, (t) => t.replace(/\n {2}bad: \[\n$/, '\n'));
    const { client, outcome } = await run(editor, () => live('41'));
    expect(editor.seen[1]).toMatch(/^# reopened with the relevant failures\.\n#\n# error: the edited file is not valid YAML: line \d+, column \d+: /m);
    expect(editor.seen[1]).toContain('  bad: [');
    // Saved back without the bad line: the same text kt first wrote, so nothing changed.
    expect(outcome).toEqual({ ok: true, message: EDIT_CANCELLED });
    expect(puts(client)).toEqual([]);
  });

  it('turns a conflict into a reopened file with the user edit and the error, and saves over the new version only when saved again', async () => {
    const editor = scriptedEditor(setMinReady(5), (t) => t.replace('minReadySeconds: 5', 'minReadySeconds: 6'));
    let putCount = 0;
    const { client, outcome } = await run(editor, (c) => {
      if (c.method === 'GET') return live(putCount === 0 ? '41' : '42');
      putCount++;
      if (putCount === 1) {
        throw new KubeApiError('Operation cannot be fulfilled on daemonsets.apps "kube-proxy": the object has been modified; please apply your changes to the latest version and try again', { statusCode: 409, reason: 'Conflict' });
      }
      return {};
    });
    expect(editor.seen[1]).toContain('# Error from server (Conflict): Operation cannot be fulfilled on daemonsets.apps "kube-proxy"');
    expect(editor.seen[1]).toContain('minReadySeconds: 5');
    expect(editor.seen[1]?.match(/Please edit the object below/g)).toHaveLength(1);
    const sent = puts(client).map((c) => (c.body as KubeObject).metadata.resourceVersion);
    expect(sent).toEqual(['41', '42']);
    expect(outcome.ok).toBe(true);
  });

  it('refuses a changed name, and stops with one line when the editor fails', async () => {
    const editor = scriptedEditor((t) => t.replace('name: kube-proxy', 'name: other'), (t) => t);
    const r = await run(editor, () => live('41'));
    expect(editor.seen[1]).toContain('# error: At least one of apiVersion, kind and name was changed');
    expect(puts(r.client)).toEqual([]);
    const failing: OpenEditor = async () => ({ ok: false, error: 'the editor "vi" exited with status 1; nothing was sent' });
    const f = await run(failing, () => live('41'));
    expect(f.outcome).toEqual({ ok: false, message: 'the editor "vi" exited with status 1; nothing was sent' });
    expect(puts(f.client)).toEqual([]);
  });
});
