// Set image: `kubectl set image TYPE/NAME CONTAINER=IMAGE`, a strategic merge patch of one
// container of the pod template (init containers too), with a container picker when there are
// several. kubectl's "deployment.apps/web image updated". k9s's `i`.
import type { KubeObject } from '../kube/types.js';
import { refuse, refuseOthers, type FormCommand } from './command.js';
import { kubectlType, namespaceOf, objectPath, resourceRef, strict, targetRef } from './kinds.js';
import { nsFlag } from './kubectl-line.js';
import { runEach } from './outcome.js';
import type { ActionTarget, PlanResult } from './types.js';

export interface ContainerImage {
  name: string;
  image: string;
  /** An init container (patched under initContainers). */
  init: boolean;
}

interface PodSpecShape {
  containers?: { name: string; image?: string }[];
  initContainers?: { name: string; image?: string }[];
}

/** The pod template's containers, init containers first (as kubectl describe lists them). */
export function templateContainers(obj: KubeObject): ContainerImage[] {
  const spec = (obj.spec as { template?: { spec?: PodSpecShape } } | undefined)?.template?.spec ?? {};
  return [
    ...(spec.initContainers ?? []).map((c) => ({ name: c.name, image: c.image ?? '', init: true })),
    ...(spec.containers ?? []).map((c) => ({ name: c.name, image: c.image ?? '', init: false })),
  ];
}

export function planSetImage(target: ActionTarget, container: ContainerImage, input: string): PlanResult {
  const refused = refuseOthers(setImageAction, [target]);
  if (refused) return refused;
  const image = input.trim();
  if (image === '') return { ok: false, error: 'type the new image, e.g. nginx:1.27' };
  if (/\s/.test(image)) return { ok: false, error: `invalid image "${image}": an image reference has no spaces` };
  if (image === container.image) return { ok: false, error: `container "${container.name}" already runs ${image}; type another image` };
  const list = container.init ? 'initContainers' : 'containers';
  const patch = { spec: { template: { spec: { [list]: [{ name: container.name, image }] } } } };
  return {
    ok: true,
    plan: {
      action: 'image',
      targets: [target],
      kubectl: [`kubectl set image ${kubectlType(target.kind)}/${target.name} ${container.name}=${image}${nsFlag(namespaceOf(target))}`],
      confirm: false,
      run: (client) =>
        runEach(
          [target],
          async (t) => {
            await client.request('PATCH', strict(objectPath(t)), patch, 'application/strategic-merge-patch+json');
            return `${resourceRef(t)} image updated`;
          },
          { verb: 'updated', noun: target.kind },
        ),
    },
  };
}

export const setImageAction: FormCommand<'image'> = {
  id: 'image',
  title: 'Set image',
  keys: ['i'],
  description: 'Set the image of a container (kubectl set image); ←/→ picks the container',
  hint: 'image',
  appliesTo: (k) => Boolean(k.offers?.includes('image')),
  mutating: true,
  access: { verb: 'patch' },
  needs: 'client',
  opens: 'form',
  open(targets, { pane }) {
    const target = targets[0];
    const containers = target ? templateContainers(target.object) : [];
    const first = containers.find((c) => !c.init) ?? containers[0];
    if (!target || !first) return refuse(`${target ? targetRef(target) : 'nothing'} has no containers to set an image on`);
    return { type: 'image', action: 'image', pane, targets: [target], containers, container: containers.indexOf(first), image: first.image, field: 1 };
  },
  plan(dialog) {
    const target = dialog.targets[0];
    const container = dialog.type === 'image' ? dialog.containers[dialog.container] : undefined;
    if (dialog.type !== 'image' || !target || !container) return { ok: false, error: 'nothing selected to set an image on' };
    return planSetImage(target, container, dialog.image);
  },
};
