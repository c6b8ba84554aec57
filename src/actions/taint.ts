// Taint: `kubectl taint node NAME key=value:Effect key:Effect key:Effect- key- [--overwrite]`.
// The JSON patch replaces spec.taints only after a `test` op on the taints kt read, so a change
// made meanwhile by someone else makes the server refuse the patch instead of being overwritten.
import { KubeApiError } from '../kube/api-errors.js';
import { refuseOthers, type PromptCommand } from './command.js';
import { objectPath, resourceRef, strict } from './kinds.js';
import { kubectlLines } from './kubectl-line.js';
import { runEach } from './outcome.js';
import type { ActionTarget, PlanResult } from './types.js';
import { labelValue, qualifiedName } from './validation.js';

export const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

export interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

export interface TaintChanges {
  add: Taint[];
  /** effect undefined = every taint with the key. */
  remove: { key: string; effect?: string }[];
  overwrite: boolean;
}

const HOW = 'type key=value:Effect to add, key:Effect- or key- to remove';

/** kubectl's Taint.ToString. */
export function taintString(t: { key: string; value?: string; effect?: string }): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

function parseOne(spec: string, forRemoval: boolean): { key: string; value: string; effect?: string } | string {
  const parts = spec.split(':');
  if (parts.length > 2) return `invalid taint spec: ${spec}; ${HOW}`;
  let effect: string | undefined;
  let key = parts[0] ?? '';
  let value = '';
  if (parts.length === 2) {
    effect = parts[1] ?? '';
    if (!(EFFECTS as readonly string[]).includes(effect)) {
      return `invalid taint effect: ${effect}, unsupported taint effect; use ${EFFECTS.join(', ')}`;
    }
    const kv = key.split('=');
    if (kv.length > 2) return `invalid taint spec: ${spec}; ${HOW}`;
    key = kv[0] ?? '';
    value = kv[1] ?? '';
    const badValue = labelValue(value);
    if (badValue) return `invalid taint spec: ${spec}, value ${badValue}`;
  } else if (!forRemoval) {
    return `invalid taint spec: ${spec}; an effect is required to add a taint (${EFFECTS.join(', ')})`;
  }
  const badKey = qualifiedName(key);
  if (badKey) return `invalid taint spec: ${spec}, key ${badKey}`;
  return { key, value, effect };
}

export function parseTaintArgs(input: string): TaintChanges | string {
  const changes: TaintChanges = { add: [], remove: [], overwrite: false };
  for (const token of input.trim().split(/\s+/).filter(Boolean)) {
    if (token === '--overwrite') {
      changes.overwrite = true;
      continue;
    }
    if (token.startsWith('--')) return `unknown flag: ${token}; only --overwrite is accepted`;
    const removal = token.endsWith('-');
    const parsed = parseOne(removal ? token.slice(0, -1) : token, removal);
    if (typeof parsed === 'string') return parsed;
    if (removal) {
      changes.remove.push({ key: parsed.key, ...(parsed.effect ? { effect: parsed.effect } : {}) });
    } else {
      const taint: Taint = { key: parsed.key, ...(parsed.value ? { value: parsed.value } : {}), effect: parsed.effect ?? '' };
      if (changes.add.some((t) => t.key === taint.key && t.effect === taint.effect)) {
        return `duplicated taints with the same key and effect: ${taintString(taint)}`;
      }
      changes.add.push(taint);
    }
  }
  if (changes.add.length === 0 && changes.remove.length === 0) return `at least one taint update is required; ${HOW}`;
  const conflicts = changes.remove
    .filter((r) => changes.add.some((a) => a.key === r.key && (!r.effect || a.effect === r.effect)))
    .map((r) => `${r.key}=${r.effect ?? ''}`);
  if (conflicts.length > 0) return `can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`;
  return changes;
}

/** The node's taints after the change, and kubectl's word for it; a string is the error. */
export function applyTaints(nodeName: string, old: readonly Taint[], changes: TaintChanges): { taints: Taint[]; word: string } | string {
  const same = (a: Taint, b: { key: string; effect?: string }) => a.key === b.key && a.effect === b.effect;
  if (!changes.overwrite) {
    const exists = changes.add.filter((a) => old.some((o) => same(o, a))).map((a) => a.key);
    if (exists.length > 0) {
      return `node ${nodeName} already has ${exists.join(',')} taint(s) with same effect(s) and --overwrite is false; add --overwrite to replace`;
    }
  }
  let taints: Taint[] = [...changes.add, ...old.filter((o) => !changes.add.some((a) => same(o, a)))];
  for (const r of changes.remove) {
    const kept = taints.filter((t) => (r.effect ? !same(t, r) : t.key !== r.key));
    if (kept.length === taints.length) return `taint "${taintString(r)}" not found`;
    taints = kept;
  }
  const added = changes.add.length > 0;
  const removed = changes.remove.length > 0;
  return { taints, word: (added && removed) || changes.overwrite ? 'modified' : added ? 'tainted' : 'untainted' };
}

/** The server's answer to a failed `test` op, said plainly. */
function conflictLine(err: unknown, ref: string): Error | unknown {
  if (err instanceof KubeApiError && err.statusCode === 422 && /rejected our request due to an error in our request/.test(err.message)) {
    return new Error(`the taints of ${ref} changed since kt read them; nothing was changed, look again and retry`);
  }
  return err;
}

export function planTaint(targets: readonly ActionTarget[], input: string): PlanResult {
  if (targets.length === 0) return { ok: false, error: 'nothing selected to taint' };
  const refused = refuseOthers(taintAction, targets);
  if (refused) return refused;
  const changes = parseTaintArgs(input);
  if (typeof changes === 'string') return { ok: false, error: changes };

  const patches = new Map<ActionTarget, { patch: unknown[]; word: string }>();
  for (const t of targets) {
    const old = ((t.object.spec as { taints?: Taint[] } | undefined)?.taints ?? []) as Taint[];
    const next = applyTaints(t.name, old, changes);
    if (typeof next === 'string') return { ok: false, error: targets.length > 1 ? `${resourceRef(t)}: ${next}` : next };
    const patch = [
      { op: 'test', path: '/spec/taints', value: old.length > 0 ? old : null },
      { op: 'add', path: '/spec/taints', value: next.taints },
    ];
    patches.set(t, { patch, word: next.word });
  }
  const args = [...changes.add.map(taintString), ...changes.remove.map((r) => `${taintString(r)}-`)];
  if (changes.overwrite) args.push('--overwrite');

  return {
    ok: true,
    plan: {
      action: 'taint',
      targets,
      kubectl: kubectlLines('taint', targets, args.join(' ')),
      confirm: changes.add.some((t) => t.effect === 'NoExecute'),
      run: (client) =>
        runEach(
          targets,
          async (t) => {
            const { patch, word } = patches.get(t) as { patch: unknown[]; word: string };
            try {
              await client.request('PATCH', strict(objectPath(t)), patch, 'application/json-patch+json');
            } catch (err) {
              throw conflictLine(err, resourceRef(t));
            }
            return `${resourceRef(t)} ${word}`;
          },
          { verb: 'tainted', noun: 'nodes' },
        ),
    },
  };
}

export const taintAction: PromptCommand<'taint'> = {
  id: 'taint',
  title: 'Taint',
  keys: ['T'],
  description: 'Taint nodes: k=v:Effect …, k:Effect-, k-',
  hint: 'taint',
  appliesTo: (k) => Boolean(k.offers?.includes('taint')),
  mutating: true,
  access: { verb: 'patch' },
  needs: 'client',
  takesMarks: true,
  opens: 'prompt',
  prompt: {
    label: 'taints: ',
    syntax: 'key=value:Effect … to add, key:Effect- or key- to remove (NoSchedule, PreferNoSchedule, NoExecute)',
    initial: () => '',
  },
  plan: planTaint,
};
