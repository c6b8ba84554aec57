// The contract between the action planners (src/actions) and the UI that prompts for them.
// A planner validates text typed in kubectl's syntax and returns a plan; building a plan sends
// nothing. Only plan.run() talks to the cluster, and the UI calls it only after the user confirmed.
import type { KubeClient } from '../kube/client.js';
import type { KubeObject } from '../kube/types.js';

/** The row actions, one command file each (src/actions/index.ts registers them). */
export type ActionId =
  | 'describe' | 'yaml' | 'decode' | 'logs' | 'previousLogs' | 'delete' | 'edit' | 'scale' | 'label' | 'taint' | 'expose'
  | 'shell' | 'attach' | 'portForward' | 'cordon' | 'uncordon' | 'drain' | 'restart' | 'image' | 'undo';

/** What a plan does, as the journal names it: a row action, or a `:` command (`:apply`, `:create`, `:run`). */
export type PlanVerb = ActionId | 'apply' | 'create';

/** One object an action applies to. */
export interface ActionTarget {
  /** Registry id of its kind ("deployments"). */
  kind: string;
  name: string;
  namespace?: string;
  /** The object as the pane holds it (for defaults such as expose's port, and resourceVersion). */
  object: KubeObject;
}

/** What came of running a plan: one line, the server's own message on failure. */
export interface ActionOutcome {
  ok: boolean;
  message: string;
  /** The response was lost after the request was sent: the message says how to check. */
  unknown?: boolean;
}

/** A validated mutation, ready to show, confirm and run. */
export interface ActionPlan {
  action: PlanVerb;
  targets: readonly ActionTarget[];
  /** The equivalent kubectl command lines, shown before applying and kept in the journal. */
  kubectl: readonly string[];
  /** Needs an explicit `y` (delete, any NoExecute taint); the dialog names every target. */
  confirm: boolean;
  /** Reports each step as it goes (drain): the dialog stays open and shows them. */
  reports?: boolean;
  /** Sends the requests (server-side validation on). Never throws: failures are the outcome. */
  run(client: KubeClient, report?: (line: string) => void): Promise<ActionOutcome>;
}

/** A planner's answer: a plan, or a one-line error naming what was wrong and what to do. */
export type PlanResult = { ok: true; plan: ActionPlan } | { ok: false; error: string };

/** Expose's form, as typed text; exposeDefaults() fills it from the workload. */
export interface ExposeForm {
  port: string;
  targetPort: string;
  protocol: string; // TCP | UDP | SCTP
  type: string; // ClusterIP | NodePort | LoadBalancer
  nodePort: string; // "" = let the server choose
  name: string;
}

export interface DeleteOptions {
  /** Seconds, as typed; "" = the object's default. */
  gracePeriod: string;
  force: boolean;
}
