// Scale: `kubectl scale TYPE/NAME --replicas=N`, through the scale subresource (PUT .../scale).
import { serves } from '../kinds/types.js';
import { appliesTo, notApplicable, type PromptCommand } from './command.js';
import { kubectlType, namespaceOf, objectPath, resourceRef, strict } from './kinds.js';
import { nsFlag } from './kubectl-line.js';
import { runEach } from './outcome.js';
import type { ActionTarget, PlanResult } from './types.js';
import { parseIntIn } from './validation.js';

const INT32_MAX = 2147483647;

export function planScale(target: ActionTarget, input: string): PlanResult {
  if (!appliesTo(scaleAction, target.kind)) return { ok: false, error: notApplicable(scaleAction, target.kind) };
  const text = input.trim();
  const replicas = parseIntIn(text, 0, INT32_MAX);
  if (replicas === undefined) {
    return { ok: false, error: `invalid replicas "${text}": type a whole number of 0 or more, e.g. 3` };
  }
  const namespace = namespaceOf(target);
  const body = {
    apiVersion: 'autoscaling/v1',
    kind: 'Scale',
    metadata: { name: target.name, ...(namespace ? { namespace } : {}) },
    spec: { replicas },
  };
  return {
    ok: true,
    plan: {
      action: 'scale',
      targets: [target],
      kubectl: [`kubectl scale ${kubectlType(target.kind)}/${target.name} --replicas=${replicas}${nsFlag(namespace)}`],
      confirm: false,
      run: (client) =>
        runEach(
          [target],
          async (t) => {
            await client.request('PUT', strict(objectPath(t, 'scale')), body);
            return `${resourceRef(t)} scaled`;
          },
          { verb: 'scaled', noun: target.kind },
        ),
    },
  };
}

export const scaleAction: PromptCommand<'scale'> = {
  id: 'scale',
  title: 'Scale',
  keys: ['s'],
  description: 'Scale (kinds with a scale subresource: deploy, rs, sts, rc, CRDs)',
  hint: 'scale',
  appliesTo: (k) => serves(k, 'scale'),
  mutating: true,
  access: { verb: 'update', subresource: 'scale' },
  needs: 'client',
  opens: 'prompt',
  prompt: {
    label: 'replicas: ',
    syntax: 'a whole number of replicas, e.g. 3',
    initial: (t) => {
      const replicas = (t.object.spec as { replicas?: number } | undefined)?.replicas;
      return replicas === undefined ? '' : String(replicas);
    },
    // The scale subresource holds the count for any kind that serves it (CRDs included).
    read: async (client, t) => {
      const scale = await client.request<{ spec?: { replicas?: number } }>('GET', strict(objectPath(t, 'scale')));
      return scale.spec?.replicas === undefined ? undefined : String(scale.spec.replicas);
    },
  },
  plan: (targets, text) => {
    const first = targets[0];
    return first ? planScale(first, text) : { ok: false, error: 'nothing selected to scale' };
  },
};
