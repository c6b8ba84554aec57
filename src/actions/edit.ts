// Edit: `kubectl edit TYPE/NAME`. The object (fresh from the server, managedFields stripped) goes
// to a temporary file with kubectl's header, the user's editor runs on it, and what comes back
// decides: unchanged or empty cancels, anything else replaces the object (PUT) with the
// resourceVersion it was opened at, so a concurrent change is a conflict, never overwritten
// silently. Bad YAML or an error from the server reopens the editor on the user's own text with
// the error as a comment block on top, until the user saves it unchanged or empty.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type KubeClient } from '../kube/client.js';
import { KubeApiError } from '../kube/api-errors.js';
import type { KubeObject } from '../kube/types.js';
import type { EditorResult } from '../terminal/editor.js';
import { toKubectlYaml } from '../yaml/kubectl-yaml.js';
import { withoutManagedFields } from '../yaml/object-yaml.js';
import { parseDocuments } from '../yaml/parse.js';
import { allows } from '../kinds/types.js';
import type { HandoverCommand } from './command.js';
import { kubectlType, namespaceOf, objectPath, resourceRef, strict } from './kinds.js';
import { nsFlag } from './kubectl-line.js';
import { errorLine } from './outcome.js';
import type { ActionOutcome, ActionTarget, PlanResult } from './types.js';

export const EDIT_HEADER = [
  "# Please edit the object below. Lines beginning with a '#' will be ignored,",
  '# and an empty file will abort the edit. If an error occurs while saving this file will be',
  '# reopened with the relevant failures.',
  '#',
];

export const EDIT_CANCELLED = 'Edit cancelled, no changes made.';
export const EDIT_EMPTY = 'Edit cancelled, saved file was empty.';

/** Opens the editor on a file with the terminal handed over; resolves when it exits. */
export type OpenEditor = (path: string) => Promise<EditorResult>;

/** The file kt writes: the header, the errors of the last save if any, then the YAML. */
export function editFile(body: string, errors: readonly string[] = []): string {
  const notes = errors.length ? [...errors.flatMap((e) => e.split('\n').map((l) => `# ${l}`.trimEnd())), '#'] : [];
  return `${[...EDIT_HEADER, ...notes].join('\n')}\n${body}`;
}

/** The text without comment lines, as kubectl compares and reads it. */
export function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('#'))
    .join('\n');
}

/** The user's text without the comment block kt put on top (so a reopened file does not pile them up). */
function userText(text: string): string {
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && (lines[i] as string).startsWith('#')) i++;
  return lines.slice(i).join('\n');
}

export type EditStep = { type: 'cancelled'; message: string } | { type: 'invalid'; error: string } | { type: 'update'; object: KubeObject };

/** What a save comes to: pure, for the loop below and for tests. */
export function judgeEdit(written: string, edited: string, original: KubeObject, resourceVersion: string | undefined): EditStep {
  const text = stripComments(edited);
  if (text.trim() === '') return { type: 'cancelled', message: EDIT_EMPTY };
  if (text === stripComments(written)) return { type: 'cancelled', message: EDIT_CANCELLED };
  const parsed = parseDocuments(text);
  if (!parsed.ok) return { type: 'invalid', error: `error: the edited file is not valid YAML: ${parsed.error}` };
  if (parsed.docs.length !== 1) return { type: 'invalid', error: `error: the edited file must hold one object, not ${parsed.docs.length}` };
  const obj = parsed.docs[0] as KubeObject;
  if (!obj || typeof obj !== 'object' || Array.isArray(obj) || typeof obj.metadata !== 'object' || obj.metadata === null) {
    return { type: 'invalid', error: 'error: the edited file must hold one object with metadata' };
  }
  const same = obj.apiVersion === original.apiVersion && obj.kind === original.kind && obj.metadata.name === original.metadata.name;
  if (!same) return { type: 'invalid', error: 'error: At least one of apiVersion, kind and name was changed' };
  // Back to what was opened (e.g. after fixing a reopened file): nothing to send.
  if (toKubectlYaml(obj) === toKubectlYaml(withoutManagedFields(original))) return { type: 'cancelled', message: EDIT_CANCELLED };
  const metadata = { ...obj.metadata, ...(resourceVersion ? { resourceVersion } : {}) };
  return { type: 'update', object: { ...obj, metadata } };
}

async function session(client: KubeClient, target: ActionTarget, openEditor: OpenEditor): Promise<ActionOutcome> {
  const path = objectPath(target);
  const original = await client.request<KubeObject>('GET', path);
  let version = original.metadata.resourceVersion;
  const dir = await mkdtemp(join(tmpdir(), 'kt-edit-'));
  const file = join(dir, `${kubectlType(target.kind)}-${target.name}.yaml`);
  try {
    let written = editFile(toKubectlYaml(withoutManagedFields(original)));
    for (;;) {
      await writeFile(file, written);
      const opened = await openEditor(file);
      if (!opened.ok) return { ok: false, message: opened.error };
      const edited = await readFile(file, 'utf8');
      const step = judgeEdit(written, edited, original, version);
      if (step.type === 'cancelled') return { ok: true, message: step.message };
      let error: string;
      if (step.type === 'invalid') error = step.error;
      else {
        try {
          await client.request('PUT', strict(path), step.object);
          return { ok: true, message: `${resourceRef(target)} edited` };
        } catch (err) {
          if (!(err instanceof KubeApiError) || err.statusCode === undefined) return { ok: false, message: errorLine(err) };
          error = errorLine(err);
          if (err.statusCode === 409) {
            // The user has now been told: the next save goes over the object as it is now.
            const latest = await client.request<KubeObject>('GET', path);
            error += `\nThe object changed since it was opened (resourceVersion ${version}, now ${latest.metadata.resourceVersion}).\nSaving again replaces it with this text; save unchanged or empty to cancel.`;
            version = latest.metadata.resourceVersion;
          }
        }
      }
      written = editFile(userText(edited), [error]);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function planEdit(target: ActionTarget, openEditor: OpenEditor): PlanResult {
  const namespace = namespaceOf(target);
  return {
    ok: true,
    plan: {
      action: 'edit',
      targets: [target],
      kubectl: [`kubectl edit ${kubectlType(target.kind)}/${target.name}${nsFlag(namespace)}`],
      // Saving the file in the editor is the confirmation, as with kubectl edit.
      confirm: false,
      run: (client) => session(client, target, openEditor).catch((err: unknown) => ({ ok: false, message: errorLine(err) })),
    },
  };
}

/** The editor is the prompt: saving is the confirmation, as with kubectl edit. */
export const editAction: HandoverCommand<'edit'> = {
  id: 'edit',
  title: 'Edit',
  keys: ['e'],
  description: 'Edit in $KUBE_EDITOR, $EDITOR or vi (kubectl edit)',
  hint: 'edit',
  appliesTo: (k) => allows(k, 'update'),
  mutating: true,
  access: { verb: 'update' },
  needs: 'client',
  opens: 'handover',
  plan: (target, handover) => planEdit(target, handover.editor),
};
