// A CRD created while kt runs opens within 5 s (kt watches CRDs and discovers again), and an
// object of it created then appears live in its pane.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnKt, type KtPty } from '../helpers/pty.js';
import { kubectl } from '../helpers/pod-fixtures.js';
import { kubeconfigPath } from '../helpers/sandbox.js';

const suffix = Date.now().toString(36);
const plural = `gadget${suffix}s`;
const group = 'live.kt.dev';
const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: ${plural}.${group}}
spec:
  group: ${group}
  scope: Namespaced
  names: {plural: ${plural}, singular: gadget${suffix}, kind: Gadget${suffix}, shortNames: [gd${suffix}]}
  versions:
  - name: v1
    served: true
    storage: true
    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
    additionalPrinterColumns:
    - {name: Colour, type: string, jsonPath: .spec.colour}
`;

const running: KtPty[] = [];
afterAll(async () => {
  for (const t of running) await t.dispose();
  kubectl(['delete', 'crd', `${plural}.${group}`, '--ignore-not-found', '--wait=false']);
});

describe('a CRD created while kt runs', () => {
  it('opens within 5 s, and its objects appear live', async () => {
    const t = spawnKt(['--kubeconfig', kubeconfigPath, '-n', 'default'], { cols: 160, rows: 40 });
    running.push(t);
    await t.waitFor(/nginx-deployment-/, 20_000);
    kubectl(['apply', '-f', '-'], crd);
    kubectl(['wait', '--for=condition=Established', `crd/${plural}.${group}`, '--timeout=30s']);
    const established = Date.now();
    // Asked for until it opens: kt learns of the CRD from its watch, not from a restart.
    let opened = false;
    while (!opened && Date.now() - established < 5_000) {
      t.press(':', ...`gd${suffix}`.split(''), 'Enter');
      try {
        await t.waitFor((s) => s.includes(`Gadget${suffix}s(default)[0]`), 700);
        opened = true;
      } catch {
        // not discovered yet: the line flashed "unknown resource"
      }
    }
    expect(opened, 'the new kind opened within 5 s of being established').toBe(true);
    kubectl(['apply', '-f', '-'], `apiVersion: ${group}/v1\nkind: Gadget${suffix}\nmetadata: {name: shiny, namespace: default}\nspec: {colour: teal}\n`);
    await t.waitFor(new RegExp(`Gadget${suffix}s\\(default\\)\\[1\\][\\s\\S]*NAME.*COLOUR[\\s\\S]*shiny +teal`), 5_000);
  }, 60_000);
});
