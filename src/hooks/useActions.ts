// The mutating actions for the App: which are offered (not with --readonly, not without an API
// client), which the user may run (SelfSubjectAccessReview, asked when the focused kind or
// namespace changes), opening their prompts, and running a confirmed plan through the journal
// with its outcome flashed. Nothing reaches the cluster but through apply() of a plan the user
// confirmed with Enter or `y`.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createAccessChecker, type AccessAnswer, type AccessChecker } from '../actions/access.js';
import { ACTIONS, actionsFor, appliesTo, notApplicable } from '../actions/catalog.js';
import { exposeDefaults } from '../actions/expose.js';
import { planEdit, type OpenEditor } from '../actions/edit.js';
import { createJournal, runPlan, type Journal } from '../actions/journal.js';
import type { ActionPlan, ActionTarget, MutatingActionId } from '../actions/types.js';
import type { PendingAction } from '../app/action-state.js';
import { planFor, type StreamRunners } from '../app/action-plan.js';
import { defaultLocalPort, DEFAULT_ADDRESS, forwardForm } from '../actions/port-forward.js';
import { sessionForm } from '../actions/shell.js';
import { forwardTarget } from '../stream/forward-target.js';
import { freeLocalPort } from '../stream/forwards.js';
import type { Hint } from '../app/hint.js';
import type { PaneSelection } from '../app/pane-selection.js';
import type { Action } from '../app/reducer.js';
import { frameWatchKey } from '../app/scope.js';
import { currentFrame, type AppState } from '../app/state.js';
import type { KubeClient } from '../kube/client.js';
import { findKind } from '../kinds/registry.js';
import { objectKey } from '../kube/types.js';
import type { DataSource } from '../store/types.js';
import { activeBindings, type CommandId } from '../keys/bindings.js';
import { formatKey } from '../keys/match.js';

export const ACTION_COMMANDS: Partial<Record<CommandId, MutatingActionId>> = {
  'action.delete': 'delete',
  'action.scale': 'scale',
  'action.label': 'label',
  'action.taint': 'taint',
  'action.expose': 'expose',
  'action.edit': 'edit',
  'action.shell': 'shell',
  'action.attach': 'attach',
  'action.portForward': 'portForward',
};

/**
 * The action a key runs on a kind: its own where the kind takes it, else another action bound to
 * the same key that the kind takes (k9s's `s`: scale on workloads, a shell on pods).
 */
export function actionForKey(id: CommandId, kind: string): MutatingActionId | undefined {
  const own = ACTION_COMMANDS[id];
  if (!own || appliesTo(own, kind)) return own;
  const keys = activeBindings().find((b) => b.id === id)?.keys ?? [];
  for (const b of activeBindings()) {
    const other = ACTION_COMMANDS[b.id];
    if (other && b.scope === 'action' && b.keys.some((k) => keys.includes(k)) && appliesTo(other, kind)) return other;
  }
  return own;
}

/** Actions that take the marked rows; scale and expose work on the row under the cursor. */
const TAKES_MARKS: ReadonlySet<MutatingActionId> = new Set(['delete', 'label', 'taint']);

export const READONLY_NOTE = 'readonly: mutating actions are off';

/** Stable across renders: LivePane is memoised. */
export interface PaneActions {
  trigger(id: CommandId, selection: PaneSelection): void;
}

export interface ActionsOptions {
  client?: KubeClient;
  /** Where the panes' objects come from: a prompt plans on the latest copy when it is submitted. */
  source?: DataSource;
  readonly: boolean;
  /** The journal for the run (else one is made here). */
  journal?: Journal;
  dispatch: (action: Action) => void;
  current: () => AppState;
  /** The focused frame's kind and namespace (undefined: all namespaces or cluster-scoped). */
  kind: string;
  namespace: string | undefined;
  /** No colour: denied hints are left out instead of greyed. */
  plain: boolean;
  /** Runs the user's editor with the terminal handed over (`e`); absent in tests that only render. */
  editor?: OpenEditor;
  /** Runs shell and attach sessions and starts port-forwards; absent without a stream client. */
  streams?: StreamRunners;
  /** The command `s` runs (the config's shell.command). */
  shellCommand?: readonly string[];
}

export interface ActionsApi {
  enabled: boolean;
  /** For help: why actions are off. */
  note?: string;
  /** Commands left out of help (the action scope with --readonly). */
  hidden: ReadonlySet<CommandId>;
  /** Footer hints for the focused kind; denied ones greyed. */
  hints: readonly Hint[];
  journal: Journal;
  pane: PaneActions;
  submit(): void;
  confirm(): void;
}

type Answers = ReadonlyMap<MutatingActionId, AccessAnswer>;

function mutatingFor(kind: string): MutatingActionId[] {
  return actionsFor(kind).filter((a): a is MutatingActionId => ACTIONS[a].mutating);
}

function openUi(action: MutatingActionId, sel: PaneSelection, targets: readonly ActionTarget[]): PendingAction | string {
  const first = targets[0] as ActionTarget;
  switch (action) {
    case 'scale': {
      const replicas = (first.object.spec as { replicas?: number } | undefined)?.replicas;
      return { type: 'prompt', action, pane: sel.pane, targets, text: replicas === undefined ? '' : String(replicas) };
    }
    case 'label':
    case 'taint':
      return { type: 'prompt', action, pane: sel.pane, targets, text: '' };
    case 'expose': {
      const form = exposeDefaults(first);
      if ('error' in form) return form.error;
      return { type: 'expose', pane: sel.pane, targets, form, field: 0 };
    }
    case 'delete':
      return { type: 'delete', pane: sel.pane, targets, options: { gracePeriod: '', force: false }, field: 0 };
    case 'edit':
    case 'apply':
    case 'create':
    case 'portForward':
    case 'shell':
    case 'attach':
      return `${action} has no prompt on a row`;
  }
}

/** The cached answer for every target's namespace, when all are cached (no request). */
function peekAll(checker: AccessChecker, action: MutatingActionId, kind: string, targets: readonly ActionTarget[]): AccessAnswer | undefined {
  for (const ns of new Set(targets.map((t) => t.namespace))) {
    const answer = checker.peek(action, kind, ns);
    if (!answer?.allowed) return answer;
  }
  return { allowed: true };
}

async function allowed(checker: AccessChecker, action: MutatingActionId, kind: string, targets: readonly ActionTarget[]): Promise<AccessAnswer> {
  const namespaces = [...new Set(targets.map((t) => t.namespace))];
  for (const ns of namespaces) {
    const answer = checker.peek(action, kind, ns) ?? (await checker.check(action, kind, ns));
    if (!answer.allowed) return answer;
  }
  return { allowed: true };
}

/** The prompt's targets as its pane's watch holds them now (they may have changed while typing). */
function freshen(ui: PendingAction, state: AppState, source: DataSource | undefined): PendingAction {
  const pane = state.panes[ui.pane];
  const spec = pane ? findKind(currentFrame(pane).kind) : undefined;
  if (!source || !pane || !spec || ui.type === 'confirm') return ui;
  const items = source.snapshot(frameWatchKey(currentFrame(pane), spec, state.namespace)).items;
  const wanted = new Set(ui.targets.map((t) => (t.namespace ? `${t.namespace}/${t.name}` : t.name)));
  const latest = new Map(items.filter((o) => wanted.has(objectKey(o))).map((o) => [objectKey(o), o]));
  if (latest.size === 0) return ui;
  const targets = ui.targets.map((t) => ({ ...t, object: latest.get(t.namespace ? `${t.namespace}/${t.name}` : t.name) ?? t.object }));
  return { ...ui, targets };
}

export function useActions(options: ActionsOptions): ActionsApi {
  const { client, source, readonly, dispatch, current, kind, namespace, plain, editor, streams, shellCommand } = options;
  const enabled = Boolean(client) && !readonly;
  const [journal] = useState(() => options.journal ?? createJournal());
  const checker = useMemo(() => (client && !readonly ? createAccessChecker(client) : undefined), [client, readonly]);
  const [access, setAccess] = useState<{ key: string; answers: Answers }>();
  const accessKey = `${kind}|${namespace ?? ''}`;

  useEffect(() => {
    if (!checker) return;
    let live = true;
    const wanted = mutatingFor(kind);
    void Promise.all(wanted.map((a) => checker.check(a, kind, namespace).then((answer) => [a, answer] as const))).then((pairs) => {
      if (live) setAccess({ key: accessKey, answers: new Map(pairs) });
    });
    return () => {
      live = false;
    };
  }, [checker, kind, namespace, accessKey]);

  const flash = useCallback((text: string, level: 'info' | 'error') => dispatch({ type: 'flash', text, level }), [dispatch]);

  const apply = useCallback(
    (plan: ActionPlan) => {
      dispatch({ type: 'actionClose', applied: true });
      if (!client) return;
      void runPlan(plan, client, journal).then((outcome) => flash(outcome.message, outcome.ok ? 'info' : 'error'));
    },
    [client, dispatch, flash, journal],
  );

  // The editor is the prompt: saving is the confirmation, as with kubectl edit.
  const edit = useCallback(
    (target: ActionTarget) => {
      const open = live.current.editor;
      if (!client || !open) return flash('edit needs a terminal and a connection to the API server', 'error');
      const result = planEdit(target, open);
      if (result.ok) void runPlan(result.plan, client, journal).then((outcome) => flash(outcome.message, outcome.ok ? 'info' : 'error'));
    },
    [client, flash, journal],
  );

  // Read through a ref so that `pane` stays one object for the memoised panes.
  const live = useRef({ enabled, checker, editor, streams, shellCommand });
  live.current = { enabled, checker, editor, streams, shellCommand };

  // A shell or attach on a pod with one container starts at once (its key is the confirmation, as
  // for edit); with several, a form asks which. Port-forward's form opens once a free local port is found.
  const openStream = useCallback(
    (action: 'shell' | 'attach' | 'portForward', sel: PaneSelection, target: ActionTarget) => {
      const runners = live.current.streams;
      if (!client || !runners) return flash(`${action === 'portForward' ? 'port-forward' : action} needs a connection to the API server`, 'error');
      if (action !== 'portForward') {
        const ui = sessionForm(action, sel.pane, target, live.current.shellCommand ?? []);
        if (typeof ui === 'string') return flash(ui, 'error');
        if (ui.fields[0]?.choices?.length !== 1) return dispatch({ type: 'actionOpen', ui });
        const result = planFor(ui, runners);
        if (!result.ok) return flash(result.error, 'error');
        return void runPlan(result.plan, client, journal).then((outcome) => flash(outcome.message, outcome.ok ? 'info' : 'error'));
      }
      const spec = findKind(sel.kind);
      const forward = spec ? forwardTarget(spec, target.object) : `kt does not know the kind "${sel.kind}"`;
      if (typeof forward === 'string') return flash(forward, 'error');
      const port = forward.ports[0]?.port;
      void (port === undefined ? Promise.resolve(0) : freeLocalPort(DEFAULT_ADDRESS, defaultLocalPort(port))).then((local) => {
        if (current().mode !== 'normal') return; // the user moved on
        const ui = forwardForm(sel.pane, target, forward, local);
        if (typeof ui === 'string') flash(ui, 'error');
        else dispatch({ type: 'actionOpen', ui });
      });
    },
    [client, current, dispatch, flash, journal],
  );
  const pane = useMemo<PaneActions>(
    () => ({
      trigger(id, sel) {
        const action = actionForKey(id, sel.kind);
        const { enabled: on, checker: check } = live.current;
        if (!action || !on || !check) return;
        if (!appliesTo(action, sel.kind)) return flash(notApplicable(action, sel.kind), 'info');
        const targets = TAKES_MARKS.has(action) && sel.marked.length > 0 ? sel.marked : sel.cursor ? [sel.cursor] : [];
        if (targets.length === 0) return flash(`nothing to ${action}: no row selected`, 'info');
        const open = (answer: AccessAnswer, waited: boolean) => {
          if (!answer.allowed) return flash(`not allowed: ${answer.reason ?? `cannot ${action} ${sel.kind}`}`, 'error');
          if (waited && current().mode !== 'normal') return; // the user moved on while access was checked
          if (action === 'edit') return edit(targets[0] as ActionTarget);
          if (action === 'shell' || action === 'attach' || action === 'portForward') return openStream(action, sel, targets[0] as ActionTarget);
          const ui = openUi(action, sel, targets);
          if (typeof ui === 'string') flash(ui, 'error');
          else dispatch({ type: 'actionOpen', ui });
        };
        // Answered from the cache at once, so keys typed right after the action key reach its prompt.
        const cached = peekAll(check, action, sel.kind, targets);
        if (cached) open(cached, false);
        else void allowed(check, action, sel.kind, targets).then((answer) => open(answer, true));
      },
    }),
    [current, dispatch, flash, edit, openStream],
  );

  const submit = useCallback(() => {
    const now = current();
    const ui = now.action && freshen(now.action, now, source);
    if (!ui) return;
    const result = planFor(ui, live.current.streams);
    if (!result.ok) return dispatch({ type: 'actionError', error: result.error });
    if (result.plan.confirm && ui.type !== 'confirm') {
      return dispatch({ type: 'actionOpen', ui: { type: 'confirm', pane: ui.pane, targets: result.plan.targets, plan: result.plan } });
    }
    apply(result.plan);
  }, [apply, current, dispatch, source]);

  const confirm = useCallback(() => {
    const now = current();
    const ui = now.action && freshen(now.action, now, source);
    if (!ui) return;
    const result = planFor(ui, live.current.streams);
    if (!result.ok) return dispatch({ type: 'actionError', error: result.error });
    apply(result.plan);
  }, [apply, current, dispatch, source]);

  const answers = access?.key === accessKey ? access.answers : undefined;
  const hints = useMemo(() => {
    if (!enabled) return [];
    const offered = new Set(mutatingFor(kind));
    const out: Hint[] = [];
    for (const b of activeBindings()) {
      if (b.scope !== 'action' || !b.hint || b.keys.length === 0) continue;
      const action = ACTION_COMMANDS[b.id];
      // The expose key decodes a Secret (k9s's `x`).
      if (action === 'expose' && findKind(kind)?.offers?.includes('decode')) out.push({ key: formatKey(b.keys[0] ?? ''), label: 'decode' });
      if (action && !offered.has(action)) continue;
      const denied = action ? answers?.get(action)?.allowed === false : false;
      if (denied && plain) continue;
      out.push({ key: formatKey(b.keys[0] ?? ''), label: b.hint, disabled: denied });
    }
    return out;
  }, [enabled, kind, answers, plain]);

  // --readonly takes the actions out of help; without a client (tests that only render) they stay listed.
  const hidden = useMemo(
    () => new Set<CommandId>(readonly ? activeBindings().filter((b) => b.scope === 'action').map((b) => b.id) : []),
    [readonly],
  );
  const note = readonly ? READONLY_NOTE : undefined;
  return { enabled, note, hidden, hints, journal, pane, submit, confirm };
}
