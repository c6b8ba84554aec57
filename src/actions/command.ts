// The shape of one action: a command object in its own file under src/actions/ (its id, default
// keys, the kinds it applies to, the permission it needs, what it opens and how it plans). The
// index (src/actions/index.ts) registers every command; the key bindings, the footer hints, the
// help and the access checks are derived from there.
import type { DescribeAction } from '../app/describe-state.js';
import type { LogsAction } from '../app/logs-state.js';
import type { KubeClient } from '../kube/client.js';
import { allKinds, findKind } from '../kinds/registry.js';
import type { KindSpec } from '../kinds/types.js';
import type { DataSource } from '../store/types.js';
import type { DialogState } from './dialog.js';
import type { OpenEditor } from './edit.js';
import type { StartForward } from './port-forward.js';
import type { OpenSession } from './shell.js';
import type { ActionId, ActionTarget, PlanResult } from './types.js';

/** The RBAC check (SelfSubjectAccessReview) for what kt's request needs. */
export interface AccessNeed {
  verb: string;
  subresource?: string;
  /** The registry id of the resource checked when it is not the target's kind (expose creates services; logs read pods/log). */
  resource?: string;
}

/** A refusal: one line saying why nothing opened. */
export interface Refusal {
  refused: string;
  level: 'info' | 'error';
}

export function refuse(refused: string, level: Refusal['level'] = 'error'): Refusal {
  return { refused, level };
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'refused' in value;
}

/** What a view action opens: describe, YAML, decoded values, logs. */
export type ViewEvent = Extract<DescribeAction, { type: 'describeOpen' }> | Extract<LogsAction, { type: 'logsOpen' }>;

interface CommandBase<Id extends ActionId> {
  id: Id;
  /** "Scale": dialog titles. */
  title: string;
  /** Default keys (k9s's where it has one); the config may move them (binding id `action.<id>`). */
  keys: readonly string[];
  /** The help line. */
  description: string;
  /** The footer label; absent: in help only. */
  hint?: string;
  /** Whether the kind can take it: a question to the kind's spec (verbs, subresources, offers). */
  appliesTo(kind: KindSpec): boolean;
  /** Changes the cluster: confirmed by the user, journalled, and off with --readonly. */
  mutating: boolean;
  /** The RBAC check that greys its key; absent: the pane's own list and watch already prove it. */
  access?: AccessNeed;
  /** What it needs from kt's connection: the API client, or log streams. */
  needs: 'client' | 'streams';
  /** Acts on the marked rows when there are any (else on the row under the cursor). */
  takesMarks?: boolean;
}

/** A line of kubectl syntax typed in a prompt; Enter plans it, applies it (or confirms first). */
export interface PromptCommand<Id extends ActionId = ActionId> extends CommandBase<Id> {
  opens: 'prompt';
  prompt: {
    label: string;
    syntax: string;
    initial(target: ActionTarget): string;
    /** The initial text read from the server when the row lacks it (a server-Table row holds metadata only). */
    read?(client: KubeClient, target: ActionTarget): Promise<string | undefined>;
  };
  plan(targets: readonly ActionTarget[], text: string): PlanResult;
}

/** What a dialog may read when it opens. */
export interface OpenContext {
  /** The pane the key was pressed in. */
  pane: number;
  /** The watched objects (the store), e.g. a node's pods for drain's list; absent in tests that only render. */
  source?: DataSource;
  /** The command a shell runs (the config's shell.command). */
  shellCommand?: readonly string[];
}

/** A dialog with fields (expose's form, delete's grace period and force). */
export interface FormCommand<Id extends ActionId = ActionId> extends CommandBase<Id> {
  opens: 'form';
  open(targets: readonly ActionTarget[], ctx: OpenContext): DialogState | Refusal;
  /** `handover`: what a form that ends in a session or a forward runs with (absent: a preview). */
  plan(dialog: DialogState, handover?: Handover): PlanResult;
}

/** No input: the plan is shown with its kubectl command and waits for `y`. */
export interface ConfirmCommand<Id extends ActionId = ActionId> extends CommandBase<Id> {
  opens: 'confirm';
  plan(targets: readonly ActionTarget[]): PlanResult;
}

/** What kt lends a handover command: the terminal, through these; and the port-forwards. */
export interface Handover {
  editor: OpenEditor;
  /** A shell or attach session with the terminal handed over (absent without WebSocket streams). */
  session?: OpenSession;
  /** Starts a port-forward (absent without WebSocket streams). */
  forward?: StartForward;
}

/** The terminal is handed over (the editor); what is done there is the confirmation. */
export interface HandoverCommand<Id extends ActionId = ActionId> extends CommandBase<Id> {
  opens: 'handover';
  plan(target: ActionTarget, handover: Handover): PlanResult;
}

/** Opens a view of the row; changes nothing. */
export interface ViewCommand<Id extends ActionId = ActionId> extends CommandBase<Id> {
  opens: 'view';
  open(target: ActionTarget, spec: KindSpec): ViewEvent | Refusal;
}

export type ActionCommand<Id extends ActionId = ActionId> = PromptCommand<Id> | FormCommand<Id> | ConfirmCommand<Id> | HandoverCommand<Id> | ViewCommand<Id>;

/** Whether the command applies to the kind; never for a kind kt does not know. */
export function appliesTo(command: Pick<ActionCommand, 'appliesTo'>, kindId: string): boolean {
  const spec = findKind(kindId);
  return spec !== undefined && command.appliesTo(spec);
}

/** "cannot scale pods; scale applies to deployments, replicasets, …" for a refusal. */
export function notApplicable(command: Pick<ActionCommand, 'id' | 'appliesTo'>, kindId: string): string {
  const verb = command.id;
  if (!findKind(kindId)) return `cannot ${verb} ${kindId}: kt does not know that kind`;
  const kinds = allKinds().filter((k) => command.appliesTo(k)).map((k) => k.id);
  return `cannot ${verb} ${kindId}; ${verb} applies to ${kinds.length ? kinds.join(', ') : 'no kind this server serves'}`;
}

/** The first target the command does not apply to, as a planner's error. */
export function refuseOthers(command: Pick<ActionCommand, 'id' | 'appliesTo'>, targets: readonly ActionTarget[]): PlanResult | undefined {
  const other = targets.find((t) => !appliesTo(command, t.kind));
  return other ? { ok: false, error: notApplicable(command, other.kind) } : undefined;
}
