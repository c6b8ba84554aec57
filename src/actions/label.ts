// Label: `kubectl label TYPE NAME k=v k2=v2 k3- [--overwrite]`, as a JSON merge patch that
// touches only the labels named (a removal is null), so other labels are left as they are.
import { allows } from '../kinds/types.js';
import { refuseOthers, type PromptCommand } from './command.js';
import { objectPath, resourceRef, strict } from './kinds.js';
import { kubectlLines } from './kubectl-line.js';
import { runEach } from './outcome.js';
import type { ActionTarget, PlanResult } from './types.js';
import { labelValue, qualifiedName } from './validation.js';

export interface LabelChanges {
  set: Map<string, string>;
  remove: string[];
  overwrite: boolean;
}

const HOW = 'type key=value to set, key- to remove';

/** Parses kubectl's label arguments; a string is the one-line error. */
export function parseLabelArgs(input: string): LabelChanges | string {
  const tokens = input.trim().split(/\s+/).filter(Boolean);
  const changes: LabelChanges = { set: new Map(), remove: [], overwrite: false };
  for (const token of tokens) {
    if (token === '--overwrite') {
      changes.overwrite = true;
    } else if (token.startsWith('--')) {
      return `unknown flag: ${token}; only --overwrite is accepted`;
    } else if (token.includes('=')) {
      const parts = token.split('=');
      if (parts.length !== 2) return `invalid label spec: ${token}; ${HOW}`;
      const [key, value] = parts as [string, string];
      const badKey = qualifiedName(key);
      if (badKey) return `invalid label key "${key}": ${badKey}`;
      const badValue = labelValue(value);
      if (badValue) return `invalid label value "${value}" for "${key}": ${badValue}`;
      if (changes.set.has(key)) return `label "${key}" is given twice; give each key once`;
      changes.set.set(key, value);
    } else if (token.endsWith('-') && token.length > 1) {
      const key = token.slice(0, -1);
      const badKey = qualifiedName(key);
      if (badKey) return `invalid label key "${key}": ${badKey}`;
      changes.remove.push(key);
    } else {
      return `unknown label spec: ${token}; ${HOW}`;
    }
  }
  if (changes.set.size === 0 && changes.remove.length === 0) return `at least one label update is required; ${HOW}`;
  const both = changes.remove.find((k) => changes.set.has(k));
  if (both) return `can not both modify and remove label "${both}" in the same command`;
  return changes;
}

/** kubectl's verb for what the change does to one object's labels. */
function changeWord(current: Record<string, string>, changes: LabelChanges): string {
  const added = [...changes.set].some(([k, v]) => current[k] !== v);
  const removed = changes.remove.some((k) => k in current);
  if (added && removed) return 'modified';
  if (added) return 'labeled';
  if (removed) return 'unlabeled';
  return 'not labeled';
}

export function planLabel(targets: readonly ActionTarget[], input: string): PlanResult {
  if (targets.length === 0) return { ok: false, error: 'nothing selected to label' };
  const refused = refuseOthers(labelAction, targets);
  if (refused) return refused;
  const changes = parseLabelArgs(input);
  if (typeof changes === 'string') return { ok: false, error: changes };

  const words = new Map<ActionTarget, string>();
  for (const t of targets) {
    const current = t.object.metadata.labels ?? {};
    if (!changes.overwrite) {
      for (const [key, value] of changes.set) {
        const had = current[key];
        if (had !== undefined && had !== value) {
          return {
            ok: false,
            error: `'${key}' already has a value (${had}) on ${resourceRef(t)}, and --overwrite is false; add --overwrite to replace it`,
          };
        }
      }
    }
    words.set(t, changeWord(current, changes));
  }

  const labels: Record<string, string | null> = {};
  for (const [key, value] of changes.set) labels[key] = value;
  for (const key of changes.remove) labels[key] = null;
  const patch = { metadata: { labels } };
  const args = [...[...changes.set].map(([k, v]) => `${k}=${v}`), ...changes.remove.map((k) => `${k}-`)];
  if (changes.overwrite) args.push('--overwrite');

  return {
    ok: true,
    plan: {
      action: 'label',
      targets,
      kubectl: kubectlLines('label', targets, args.join(' ')),
      confirm: false,
      run: (client) =>
        runEach(
          targets,
          async (t) => {
            await client.request('PATCH', strict(objectPath(t)), patch, 'application/merge-patch+json');
            return `${resourceRef(t)} ${words.get(t) ?? 'labeled'}`;
          },
          { verb: 'labeled', noun: targets[0]?.kind ?? 'objects' },
        ),
    },
  };
}

export const labelAction: PromptCommand<'label'> = {
  id: 'label',
  title: 'Label',
  keys: ['L'],
  description: 'Label: key=value … to set, key- to remove',
  hint: 'label',
  appliesTo: (k) => allows(k, 'patch'),
  mutating: true,
  access: { verb: 'patch' },
  needs: 'client',
  takesMarks: true,
  opens: 'prompt',
  prompt: { label: 'labels: ', syntax: 'key=value … to set, key- to remove (--overwrite is implied)', initial: () => '' },
  plan: planLabel,
};
