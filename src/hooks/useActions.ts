// The row actions (src/actions/index.ts) wired into the App: which are available (mutating ones
// not with --readonly, none without an API client, logs not without streams), which the user may
// run (SelfSubjectAccessReview, asked when the focused kind or namespace changes), the footer
// hints, and dispatching what a key opens. Nothing reaches the cluster but through runPlan() of a
// plan the user confirmed with Enter or `y` (or saved in the editor).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { checkTargets, createAccessChecker, peekTargets, type AccessAnswer } from '../actions/access.js';
import { appliesTo, type ActionCommand, type Handover } from '../actions/command.js';
import type { DialogState } from '../actions/dialog.js';
import type { OpenEditor } from '../actions/edit.js';
import { ACTION_LIST, actionOfBinding, bindingIdOf, planDialog } from '../actions/index.js';
import { createJournal, runPlan, type Journal } from '../actions/journal.js';
import { openCommand, precheck, targetsOf, type Opened, type PaneSelection } from '../actions/open.js';
import type { ActionId, ActionPlan } from '../actions/types.js';
import type { Hint } from '../app/hint.js';
import type { AppEvent } from '../app/reducer.js';
import { frameWatchKey } from '../app/frame-watch.js';
import { currentFrame, type AppState } from '../app/state.js';
import type { KubeClient } from '../kube/client.js';
import { objectKey } from '../kube/types.js';
import { findKind } from '../kinds/registry.js';
import type { DataSource } from '../store/types.js';
import { activeBindings, type CommandId } from '../keys/bindings.js';
import { formatKey } from '../keys/match.js';

export const READONLY_NOTE = 'readonly: mutating actions are off';

/** Stable across renders: LivePane is memoised. */
export interface PaneActions {
  trigger(id: CommandId, selection: PaneSelection): void;
}

export interface ActionsOptions {
  client?: KubeClient;
  /** Log streams are wired (logs are available). */
  streams: boolean;
  /** Where the panes' objects come from: a prompt plans on the latest copy when it is submitted. */
  source?: DataSource;
  readonly: boolean;
  /** The journal for the run (else one is made here). */
  journal?: Journal;
  dispatch: (event: AppEvent) => void;
  current: () => AppState;
  /** The focused frame's kind and namespace (undefined: all namespaces or cluster-scoped). */
  kind: string;
  namespace: string | undefined;
  /** No colour: denied hints are left out instead of greyed. */
  plain: boolean;
  /** Runs the user's editor with the terminal handed over (`e`); absent in tests that only render. */
  editor?: OpenEditor;
  /** Runs shell and attach sessions and starts port-forwards; absent without WebSocket streams. */
  sessions?: Pick<Handover, 'session' | 'forward'>;
  /** The command `s` runs (the config's shell.command). */
  shellCommand?: readonly string[];
}

export interface ActionsApi {
  /** The mutating actions are on (a client, and not --readonly). */
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

type Answers = ReadonlyMap<ActionId, AccessAnswer>;

/** The dialog's targets as its pane's watch holds them now (they may have changed while typing). */
function freshen(ui: DialogState, state: AppState, source: DataSource | undefined): DialogState {
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
  const { client, streams, source, readonly, dispatch, current, kind, namespace, plain, editor, sessions, shellCommand } = options;
  const enabled = Boolean(client) && !readonly;
  const [journal] = useState(() => options.journal ?? createJournal());
  const checker = useMemo(() => (client ? createAccessChecker(client) : undefined), [client]);
  const [access, setAccess] = useState<{ key: string; answers: Answers }>();
  const accessKey = `${kind}|${namespace ?? ''}`;

  const available = useCallback(
    (c: ActionCommand) => (c.mutating ? enabled : c.needs === 'streams' ? streams : Boolean(client)),
    [enabled, streams, client],
  );

  useEffect(() => {
    if (!checker) return;
    let live = true;
    const wanted = ACTION_LIST.filter((c) => c.access && available(c) && appliesTo(c, kind));
    void Promise.all(wanted.map((c) => checker.check(c.id, kind, namespace).then((answer) => [c.id, answer] as const))).then((pairs) => {
      if (live) setAccess({ key: accessKey, answers: new Map(pairs) });
    });
    return () => {
      live = false;
    };
  }, [checker, available, kind, namespace, accessKey]);

  const flash = useCallback((text: string, level: 'info' | 'error') => dispatch({ type: 'flash', text, level }), [dispatch]);
  const run = useCallback(
    (plan: ActionPlan) => {
      if (client) void runPlan(plan, client, journal).then((outcome) => flash(outcome.message, outcome.ok ? 'info' : 'error'));
    },
    [client, flash, journal],
  );

  // Read through a ref so that `pane` stays one object for the memoised panes.
  const live = useRef({ available, checker, client, editor, source, sessions, shellCommand });
  live.current = { available, checker, client, editor, source, sessions, shellCommand };
  /** What a handover or a session's form runs with. */
  const handover = (): Handover | undefined => {
    const { editor: open, sessions: lent } = live.current;
    return open ? { editor: open, ...lent } : undefined;
  };
  /** A prompt opened empty whose text the server holds (scale on a server-Table row): read it in. */
  const prefill = (command: ActionCommand, dialog: DialogState) => {
    const reader = live.current.client;
    const first = dialog.targets[0];
    if (command.opens !== 'prompt' || !command.prompt.read || dialog.type !== 'prompt' || dialog.text !== '' || !reader || !first) return;
    void command.prompt
      .read(reader, first)
      .then((text) => text !== undefined && dispatch({ type: 'dialogPrefill', action: command.id, text }))
      .catch(() => undefined); // the prompt stays empty; Enter's own request reports any failure
  };
  const pane = useMemo<PaneActions>(
    () => ({
      trigger(id, sel) {
        const command = actionOfBinding(id);
        const { available: on, checker: check, source: store, shellCommand: shell } = live.current;
        if (!command) return;
        if (!on(command)) {
          if (!command.mutating) flash(`${command.title.toLowerCase()} needs a connection to the API server (no client)`, 'error');
          return;
        }
        const act = (opened: Opened) => {
          if (opened.type === 'flash') flash(opened.text, opened.level);
          else if (opened.type === 'view') dispatch(opened.event);
          else if (opened.type === 'handover') run(opened.plan);
          else if (opened.type === 'dialog') {
            dispatch({ type: 'dialogOpen', dialog: opened.dialog });
            prefill(command, opened.dialog);
          }
        };
        const refused = precheck(command, sel);
        if (refused) return act(refused);
        const targets = targetsOf(command, sel);
        const proceed = (answer: AccessAnswer, waited: boolean) => {
          if (!answer.allowed) return flash(`not allowed: ${answer.reason ?? `cannot ${command.id} ${sel.kind}`}`, 'error');
          if (waited && current().mode !== 'normal') return; // the user moved on while access was checked
          act(openCommand(command, sel, { source: store, shellCommand: shell }, handover()));
        };
        if (!command.access || !check) return proceed({ allowed: true }, false);
        // Answered from the cache at once, so keys typed right after the action key reach its dialog.
        const cached = peekTargets(check, command.id, sel.kind, targets);
        if (cached) proceed(cached, false);
        else void checkTargets(check, command.id, sel.kind, targets).then((answer) => proceed(answer, true));
      },
    }),
    [current, dispatch, flash, run],
  );

  // Enter in a prompt: plan, then confirm first (delete, NoExecute) or apply.
  const submit = useCallback(() => {
    const now = current();
    const ui = now.dialog && freshen(now.dialog, now, source);
    if (!ui) return;
    const result = planDialog(ui, handover());
    if (!result.ok) return dispatch({ type: 'dialogError', error: result.error });
    if (result.plan.confirm && ui.type !== 'confirm') {
      const { plan } = result;
      return dispatch({ type: 'dialogOpen', dialog: { type: 'confirm', action: ui.action, pane: ui.pane, targets: plan.targets, plan } });
    }
    dispatch({ type: 'dialogClose', applied: true });
    run(result.plan);
  }, [current, dispatch, run, source]);

  // `y` in a confirmation. A plan that reports its steps (drain) keeps the dialog open to show them.
  const runs = useRef(0);
  const confirm = useCallback(() => {
    const now = current();
    const ui = now.dialog && freshen(now.dialog, now, source);
    if (!ui || ui.progress) return;
    const result = planDialog(ui, handover());
    if (!result.ok) return dispatch({ type: 'dialogError', error: result.error });
    const { plan } = result;
    if (!plan.reports || !client) {
      dispatch({ type: 'dialogClose', applied: true });
      return run(plan);
    }
    const id = ++runs.current;
    dispatch({ type: 'dialogRun', run: id });
    void runPlan(plan, client, journal, (line) => dispatch({ type: 'dialogProgress', run: id, line })).then((outcome) => {
      dispatch({ type: 'dialogProgress', run: id, line: outcome.message, done: true });
      flash(outcome.message, outcome.ok ? 'info' : 'error');
    });
  }, [client, current, dispatch, flash, journal, run, source]);

  const answers = access?.key === accessKey ? access.answers : undefined;
  const hints = useMemo(() => {
    const bindings = activeBindings();
    const out: Hint[] = [];
    for (const c of ACTION_LIST) {
      if (!c.hint || !available(c) || !appliesTo(c, kind)) continue;
      const key = bindings.find((b) => b.id === bindingIdOf(c.id))?.keys[0];
      if (!key) continue;
      const denied = answers?.get(c.id)?.allowed === false;
      if (denied && plain) continue;
      out.push({ key: formatKey(key), label: c.hint, ...(denied ? { disabled: true } : {}) });
    }
    // The marks, with the mutating actions.
    if (enabled) {
      for (const b of bindings) if (b.scope === 'action' && b.hint && b.keys[0] && !actionOfBinding(b.id)) out.push({ key: formatKey(b.keys[0]), label: b.hint });
    }
    return out;
  }, [enabled, available, kind, answers, plain]);

  // --readonly takes the mutating actions out of help; without a client (tests that only render) they stay listed.
  const hidden = useMemo(
    () => new Set<CommandId>(readonly ? activeBindings().filter((b) => b.scope === 'action').map((b) => b.id) : []),
    [readonly],
  );
  const note = readonly ? READONLY_NOTE : undefined;
  return { enabled, note, hidden, hints, journal, pane, submit, confirm };
}
