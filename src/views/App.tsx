// kt's root component: owns the reducer, maps the app-wide keys, lays out header, panes (or the
// help / namespace overlay), breadcrumbs and footer in exactly rows-1 lines. All keys come in
// through one KeyRouter here, so a chunk of keys plays one key at a time against the current mode.
import { Box } from 'ink';
import { useMemo } from 'react';
import { COMMAND_WORDS, parseCommand } from '../app/commands.js';
import { computeLayout } from '../app/layout.js';
import { focusedView, reducer } from '../app/reducer.js';
import { breadcrumbs } from '../app/frame-watch.js';
import { currentFrame, focusedPane, initialState, type AppState, type Mode, type PaneState } from '../app/state.js';
import type { AppProps } from '../app/types.js';
import { useActions } from '../hooks/useActions.js';
import { useConnection, useSecondsWhile } from '../hooks/useConnection.js';
import { useEditor } from '../hooks/useEditor.js';
import { useStreams } from '../hooks/useStreams.js';
import { DEFAULT_SHELL } from '../stream/shell-settings.js';
import { ForwardsView, NO_FORWARDS } from './ForwardsView.js';
import { useMutateCommand } from '../hooks/useMutateCommand.js';
import { completePath } from '../yaml/complete-path.js';
import { ApplyPreview } from './ApplyPreview.js';
import { useFlashExpiry } from '../hooks/useFlashExpiry.js';
import { useHeldWatches } from '../hooks/useHeldWatches.js';
import { useAwaitedKind } from '../hooks/useAwaitedKind.js';
import { KeyRouterContext, useKeyRouter } from '../hooks/useKeyRouter.js';
import { useKeymap } from '../hooks/useKeymap.js';
import { usePrefsMemory } from '../hooks/usePrefsMemory.js';
import { useSyncReducer } from '../hooks/useSyncReducer.js';
import type { CommandId, Scope } from '../keys/bindings.js';
import { useKinds } from '../hooks/useKinds.js';
import { findKind } from '../kinds/registry.js';
import { completeWord, suggestKinds } from '../kinds/suggest.js';
import { ApiResourcesView } from './ApiResourcesView.js';
import { ContextsView } from './ContextsView.js';
import { RolloutHistory } from './RolloutHistory.js';
import { noColor } from '../terminal/env.js';
import { ActionDialog, dialogHeight, layoutWithDialog } from './ActionDialog.js';
import { Breadcrumbs } from './Breadcrumbs.js';
import { Footer } from './Footer.js';
import { Header } from './Header.js';
import { Help } from './Help.js';
import { JournalView } from './JournalView.js';
import { LiveDescribe } from './LiveDescribe.js';
import { LiveLogs } from './LiveLogs.js';
import { LiveYaml } from './LiveYaml.js';
import { LivePane } from './LivePane.js';
import { isMetricsMode, MetricsOverlay } from './MetricsOverlay.js';
import { NamespacePicker } from './NamespacePicker.js';
import { PaneIndicator } from './PaneIndicator.js';

/** Keys the App itself handles per mode; panes, help and the picker take their own scopes. */
const APP_SCOPES: Record<Mode, readonly Scope[]> = {
  normal: ['any', 'global'],
  command: ['any', 'input'],
  filter: ['any', 'input'],
  help: ['any'],
  namespaces: ['any'],
  metrics: ['any'],
  prom: ['any'],
  prompt: ['any'],
  confirm: ['any'],
  journal: ['any'],
  describe: ['any'],
  logs: ['any'],
  apply: ['any'],
  apiResources: ['any'],
  rollout: ['any'],
  contexts: ['any'],
  forwards: ['any'],
};

const NO_PANES: readonly PaneState[] = [];

function init(props: AppProps): AppState {
  const prefs = props.prefs.get(props.session.context);
  const view = prefs.view ? findKind(prefs.view)?.id : undefined;
  return initialState({ prefs, view, initialNamespace: props.initialNamespace, allNamespaces: props.allNamespaces });
}

export function App(props: AppProps) {
  const { source, session, columns, rows, onQuit } = props;
  const plain = useMemo(() => noColor(process.env), []);
  const [state, dispatch, current] = useSyncReducer(reducer, props, init);
  useKinds();
  const router = useKeyRouter(state, current);
  const connection = useConnection(source);
  const now = useSecondsWhile(connection.state !== 'live');
  const { mode } = state;
  const stack = focusedPane(state).stack;
  const frame = currentFrame(focusedPane(state));
  usePrefsMemory(props.prefs, session.context, state.namespace, state.favourites, focusedView(state));
  useFlashExpiry(state.flash, dispatch);
  const frameKind = findKind(frame.kind);
  const editor = useEditor();
  const sessions = useStreams(props.dialer, source);
  const actions = useActions({
    client: props.client,
    streams: Boolean(props.streamer),
    journal: props.journal,
    source,
    readonly: props.readonly,
    dispatch,
    current,
    kind: frame.kind,
    namespace: frameKind?.namespaced ? (frame.drill ? frame.drill.namespace : state.namespace) : undefined,
    plain,
    editor,
    sessions: sessions?.runners,
    shellCommand: (props.shellSettings ?? DEFAULT_SHELL).command,
  });
  const mutate = useMutateCommand(props.client, props.readonly, actions.journal, dispatch);
  // Discovery answered: the line runs as typed, unless the user has gone on to something else.
  const awaitKind = useAwaitedKind((line) => {
    const { mode: now, flash } = current();
    if (now !== 'normal') return;
    if (flash) dispatch({ type: 'clearFlash', id: flash.id }); // "looking for …"
    runLine(line, false);
  });

  useKeymap(
    APP_SCOPES[mode],
    {
      onCommand(id: CommandId, input: string) {
        switch (id) {
          case 'app.quitNow':
          case 'app.quit':
            return onQuit();
          case 'app.help':
            return dispatch({ type: 'open', mode: 'help' });
          case 'app.command':
            return dispatch({ type: 'open', mode: 'command' });
          case 'pane.next':
            return dispatch({ type: 'focus', delta: 1 });
          case 'pane.prev':
            return dispatch({ type: 'focus', delta: -1 });
          case 'pane.zoom':
            return dispatch({ type: 'zoom' });
          case 'ns.all':
            return dispatch({ type: 'favourite', index: 0 });
          case 'ns.favourite':
            return dispatch({ type: 'favourite', index: Number(input) });
          case 'input.delete':
            return dispatch({ type: 'deleteChar' });
          case 'input.complete': {
            const now = current();
            if (now.mode !== 'command') return;
            // The path after `:apply -f`; otherwise only the first word, a command or a kind (a
            // namespace argument is left alone).
            const path = completePath(now.input);
            if (path) return dispatch({ type: 'type', text: path });
            if (/\s/.test(now.input.trim())) return;
            return dispatch({ type: 'setInput', text: completeWord(now.input.trim(), COMMAND_WORDS) });
          }
          case 'input.cancel':
            return dispatch({ type: 'cancel' });
          case 'input.submit': {
            const now = current();
            if (now.mode === 'filter') return dispatch({ type: 'submitFilter' });
            return runLine(now.input, true);
          }
        }
      },
      onText: mode === 'command' || mode === 'filter' ? (text) => dispatch({ type: 'type', text }) : undefined,
    },
    true,
    router,
  );

  /** A `:` line; a kind name not known yet may wait for discovery's first answer (useAwaitedKind). */
  function runLine(line: string, mayWait: boolean): void {
    const now = current();
    const result = parseCommand(line, findKind, suggestKinds);
    if (result.type === 'error' && result.unknownKind && mayWait && awaitKind(line)) {
      dispatch({ type: 'command', result: { type: 'none' } });
      return dispatch({ type: 'flash', text: `looking for "${result.unknownKind}" in the server's resources…`, level: 'info' });
    }
    if (result.type === 'quit') return onQuit();
    if (result.type === 'mutate') mutate.start(result.verb, result.args, now.namespace);
    if (result.type === 'context') {
      dispatch({ type: 'command', result });
      return switchContext(result.name);
    }
    dispatch({ type: 'command', result });
  }

  function switchContext(name: string): void {
    const known = props.contexts?.some((c) => c.name === name);
    if (props.contexts && !known) {
      const names = props.contexts.map((c) => c.name).join(', ');
      return dispatch({ type: 'flash', text: `no context "${name}" in the kubeconfig (contexts: ${names})`, level: 'error' });
    }
    const refused = props.onSwitchContext?.(name) ?? (props.onSwitchContext ? undefined : 'switching contexts is not available here');
    if (refused) dispatch({ type: 'flash', text: `cannot switch to context "${name}": ${refused}`, level: 'error' });
  }

  const dialog = state.dialog && (mode === 'prompt' || mode === 'confirm') ? state.dialog : undefined;
  const base = computeLayout(columns, rows, state.panes.length, state.focus, state.zoom);
  const dialogLines = dialog ? Math.min(base.bodyHeight, dialogHeight(dialog, base.width)) : 0;
  const layout = layoutWithDialog(base, state.focus, dialogLines);
  const titles = state.panes.map((p) => findKind(currentFrame(p).kind)?.title ?? currentFrame(p).kind);
  // What every list overlay (`:api-resources`, `:rollout history`, `:ctx`) takes.
  const list = { cursor: state.pickerCursor, width: layout.width, height: layout.bodyHeight, active: true, plain, dispatch };
  const overlay =
    mode === 'help' || mode === 'namespaces' || mode === 'journal' || mode === 'describe' || mode === 'logs' || mode === 'apply' || mode === 'apiResources' || mode === 'contexts' || mode === 'forwards' || mode === 'rollout' || isMetricsMode(mode);
  // An overlay hides the panes but not their watches: closing it shows live rows at once, and the
  // header's state stays that of the watches the panes need.
  useHeldWatches(source, overlay ? layout.panes.flatMap((slot) => state.panes[slot.index] ?? []) : NO_PANES, state.namespace);

  return (
    <KeyRouterContext.Provider value={router}>
      <Box flexDirection="column" width={layout.width} height={layout.height} overflow="hidden">
        <Header
          session={session}
          connection={connection}
          now={now}
          namespace={state.namespace}
          favourites={state.favourites}
          readonly={props.readonly}
          width={layout.width}
          lines={layout.headerLines}
          metrics={props.metrics}
          plain={plain}
        />
        <MetricsOverlay state={state} metrics={props.metrics} width={layout.width} height={layout.bodyHeight} plain={plain} dispatch={dispatch} />
        {mode === 'help' && layout.bodyHeight > 2 && (
          <Help width={layout.width} height={layout.bodyHeight} scroll={state.helpScroll} active dispatch={dispatch} hidden={actions.hidden} note={actions.note} />
        )}
        {mode === 'journal' && layout.bodyHeight > 2 && (
          <JournalView journal={actions.journal} width={layout.width} height={layout.bodyHeight} scroll={state.helpScroll} active dispatch={dispatch} />
        )}
        {mode === 'describe' && state.describe?.view === 'yaml' && props.client && layout.bodyHeight > 2 && (
          <LiveYaml client={props.client} source={source} ui={state.describe} width={layout.width} height={layout.bodyHeight} plain={plain} active dispatch={dispatch} />
        )}
        {mode === 'describe' && state.describe && state.describe.view !== 'yaml' && props.client && layout.bodyHeight > 2 && (
          <LiveDescribe client={props.client} source={source} ui={state.describe} width={layout.width} height={layout.bodyHeight} plain={plain} active dispatch={dispatch} />
        )}
        {mode === 'logs' && state.logs && props.streamer && layout.bodyHeight > 2 && (
          <LiveLogs streamer={props.streamer} source={source} logs={state.logs} settings={props.logSettings} width={layout.width} height={layout.bodyHeight} plain={plain} active dispatch={dispatch} />
        )}
        {mode === 'apply' && mutate.preview && layout.bodyHeight > 2 && (
          <ApplyPreview preview={mutate.preview} width={layout.width} height={layout.bodyHeight} active onConfirm={mutate.confirm} onCancel={mutate.cancel} />
        )}
        {mode === 'apiResources' && layout.bodyHeight > 2 && <ApiResourcesView {...list} />}
        {mode === 'rollout' && state.rollout && layout.bodyHeight > 2 && (
          <RolloutHistory
            {...list}
            source={source}
            deployment={state.rollout}
            onSelect={(rs) => {
              // Back to the table, then the rollback's own access check and confirmation.
              dispatch({ type: 'cancel' });
              actions.pane.trigger('action.undo', { pane: state.focus, kind: 'replicasets', cursor: rs, marked: [] });
            }}
          />
        )}
        {mode === 'contexts' && layout.bodyHeight > 2 && (
          <ContextsView
            {...list}
            contexts={props.contexts ?? []}
            current={session.context}
            onSelect={(name) => {
              dispatch({ type: 'cancel' });
              switchContext(name);
            }}
          />
        )}
        {mode === 'forwards' && layout.bodyHeight > 2 && (
          <ForwardsView
            forwards={sessions?.forwards ?? NO_FORWARDS}
            cursor={state.pickerCursor}
            width={layout.width}
            height={layout.bodyHeight}
            active
            plain={plain}
            dispatch={dispatch}
            onStop={(id) => {
              const stopped = sessions?.forwards.stop(id);
              if (stopped) dispatch({ type: 'flash', text: `stopped forwarding ${stopped.address}:${stopped.localPort} → ${stopped.target}:${stopped.remotePort}`, level: 'info' });
            }}
          />
        )}
        {mode === 'namespaces' && layout.bodyHeight > 2 && (
          <NamespacePicker
            source={source}
            current={state.namespace}
            favourites={state.favourites}
            typed={state.input}
            cursor={state.pickerCursor}
            width={layout.width}
            height={layout.bodyHeight}
            active
            plain={plain}
            dispatch={dispatch}
          />
        )}
        {!overlay && layout.indicator && <PaneIndicator titles={titles} focus={state.focus} zoomed={state.zoom} />}
        {!overlay &&
          layout.panes.map((slot) => {
            const pane = state.panes[slot.index];
            if (!pane) return null;
            const focused = slot.index === state.focus;
            return (
              <LivePane
                key={pane.id}
                source={source}
                pane={pane}
                index={slot.index}
                namespace={state.namespace}
                focused={focused}
                keysActive={focused && mode === 'normal'}
                width={layout.width}
                height={slot.height}
                plain={plain}
                dispatch={dispatch}
                metrics={props.metrics}
                actions={actions.pane}
                mutating={actions.enabled}
              />
            );
          })}
        {dialog && (
          <ActionDialog ui={dialog} width={layout.width} height={dialogLines} active dispatch={dispatch} onSubmit={actions.submit} onConfirm={actions.confirm} />
        )}
        <Box flexGrow={1} />
        {layout.crumbs && <Breadcrumbs parts={breadcrumbs(stack)} />}
        <Footer mode={mode} input={state.input} filter={frame.filter} flash={state.flash} width={layout.width} actions={actions.hints} running={Boolean(dialog?.progress)} />
      </Box>
    </KeyRouterContext.Provider>
  );
}
