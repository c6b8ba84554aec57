// A pane wired to its data: holds the watch for the frame it shows, renders rows through the hooks
// and hands them to the pure ResourcePane. When focused it takes the table keys (movement, drill,
// back, filter, sort), since those need its rows.
import { memo, useMemo, useRef, type Dispatch } from 'react';
import type { AppEvent } from '../app/reducer.js';
import { clampWindow } from '../app/pane-reducer.js';
import { frameTitle, frameWatchKey, showsAllNamespaces } from '../app/frame-watch.js';
import { paneSelection } from '../app/pane-selection.js';
import { currentFrame, type PaneState } from '../app/state.js';
import { actionOfBinding } from '../actions/index.js';
import type { PaneActions } from '../hooks/useActions.js';
import { useConnection } from '../hooks/useConnection.js';
import { useKeymap } from '../hooks/useKeymap.js';
import { useKinds } from '../hooks/useKinds.js';
import { openMetrics, usePaneMetrics } from '../hooks/usePaneMetrics.js';
import { useMetricsPage } from '../hooks/useMetricsPage.js';
import { usePaneClock, type ScreenChangeAt } from '../hooks/usePaneClock.js';
import { usePaneSort } from '../hooks/usePaneSort.js';
import { usePodCounts } from '../hooks/usePodCounts.js';
import { useResource } from '../hooks/useResource.js';
import { useOwned } from '../hooks/useOwned.js';
import { useRows } from '../hooks/useRows.js';
import type { CommandId } from '../keys/bindings.js';
import { findKind } from '../kinds/registry.js';
import { columnsFor } from '../render/columns.js';
import { serverTableRenderer } from '../render/server-table.js';
import type { WatchStatus } from '../kube/types.js';
import type { MetricsSource } from '../metrics/types.js';
import { adjacentColumn, type NamedSort, type SortChange } from '../store/select.js';
import type { DataSource } from '../store/types.js';
import { metricsExtra, metricsInsertAt } from './metrics-columns.js';
import { bodyRows, ResourcePane } from './ResourcePane.js';

export interface LivePaneProps {
  source: DataSource;
  pane: PaneState;
  index: number;
  namespace: string | undefined;
  focused: boolean;
  /** Whether the table keys are live (focused, and nothing is being typed). */
  keysActive: boolean;
  width: number;
  height: number;
  plain: boolean;
  dispatch: Dispatch<AppEvent>;
  /** CPU/MEM columns for nodes and pods, and `m`; absent = no metrics columns. */
  metrics?: MetricsSource;
  /** The row actions (d, y, l, ctrl-d, s …): the pane hands them its selection. */
  actions: PaneActions;
  /** The mutating actions and marks are on (not with --readonly or without an API client). */
  mutating: boolean;
}

const SORTS: Partial<Record<CommandId, NamedSort>> = {
  'sort.name': 'name',
  'sort.age': 'age',
  'sort.status': 'status',
  'sort.namespace': 'namespace',
};

const MOVES = {
  'nav.up': 'up',
  'nav.down': 'down',
  'nav.top': 'top',
  'nav.bottom': 'bottom',
  'nav.pageUp': 'pageUp',
  'nav.pageDown': 'pageDown',
} as const;

function isMove(id: CommandId): id is keyof typeof MOVES {
  return id in MOVES;
}

const UNKNOWN_COLUMNS = [{ name: 'NAME' }];

function unknownKind(kind: string): WatchStatus {
  return { state: 'error', message: `unknown resource kind "${kind}"`, stale: false };
}

function LivePaneView(props: LivePaneProps) {
  const { source, pane, index, namespace, dispatch } = props;
  const frame = currentFrame(pane);
  useKinds();
  const spec = findKind(frame.kind);
  const key = spec ? frameWatchKey(frame, spec, namespace) : undefined;
  const allNamespaces = spec && key ? showsAllNamespaces(spec, key) : false;
  const snapshot = useOwned(useResource(source, key), frame.drill?.ownerUid);
  const connection = useConnection(source);
  const podCountByNode = usePodCounts(source, Boolean(spec?.needsAllPods));
  const screenChangeAt = useRef<ScreenChangeAt>(() => 'none');
  const now = usePaneClock(screenChangeAt);
  // Kinds without their own columns show the server's (kubectl get's), as listed.
  const renderer = spec ? (spec.renderer ?? serverTableRenderer(snapshot?.items[0], !spec.namespaced)) : undefined;
  const columns = useMemo(() => (renderer ? columnsFor(renderer, allNamespaces) : UNKNOWN_COLUMNS), [renderer, allNamespaces]);
  const headers = useMemo(() => columns.map((c) => c.name), [columns]);
  const sorting = usePaneSort(frame.sort, headers, props.metrics, spec?.id, key?.namespace, snapshot?.items.length ?? 0);
  const rows = useRows({ snapshot, renderer, allNamespaces, podCountByNode, now, filter: frame.filter, sort: sorting.sort });
  // Shift-←/→ step through the columns as drawn: the metrics ones sit before the -o wide ones.
  const sortHeaders = useMemo(() => {
    const at = metricsInsertAt(columns);
    return [...headers.slice(0, at), ...sorting.metricColumns, ...headers.slice(at)];
  }, [columns, headers, sorting.metricColumns]);
  const viewport = Math.max(1, bodyRows(props.height));
  const { cursor, scroll } = clampWindow(frame.cursor, frame.scroll, rows.items.length, viewport);
  const metricsPage = useMetricsPage(rows.items, rows.total, scroll, viewport);
  // Sorted by a metrics column the pane asks about every pod; this hook asks the same (never
  // releasing the subject the sort holds, which would drop its numbers until the next query).
  const paneMetrics = usePaneMetrics(props.metrics, spec?.id, key?.namespace, sorting.page ?? metricsPage);
  const metricsColumns = useMemo(
    () => (paneMetrics ? metricsExtra(paneMetrics.target, columns, paneMetrics.snapshot, paneMetrics.status, props.plain) : undefined),
    [paneMetrics, columns, props.plain],
  );
  screenChangeAt.current = (at, stepMs) => rows.changeAt(rows.items.slice(scroll, scroll + viewport), at, stepMs);
  const marks = useMemo(() => (frame.marks?.length ? new Set(frame.marks) : undefined), [frame.marks]);

  useKeymap(
    props.mutating ? ['pane', 'action'] : ['pane'],
    {
      // One key, several actions (x: expose, or decode a Secret): the one this kind takes.
      prefer(id) {
        const command = actionOfBinding(id);
        return !command || (spec !== undefined && command.appliesTo(spec));
      },
      onCommand(id) {
        if (id.startsWith('mark.')) {
          const item = rows.items[cursor];
          if (id === 'mark.toggle' && item) dispatch({ type: 'mark', pane: index, key: item.row.key, count: rows.items.length, height: viewport });
          else if (id === 'mark.clear') dispatch({ type: 'clearMarks', pane: index });
          return;
        }
        if (actionOfBinding(id)) {
          if (spec) props.actions.trigger(id, paneSelection(index, spec, rows.items, cursor, frame.marks));
          return;
        }
        if (isMove(id)) {
          dispatch({ type: 'move', pane: index, move: MOVES[id], count: rows.items.length, height: viewport });
          return;
        }
        const change = sortChange(id);
        if (change) dispatch({ type: 'sort', pane: index, change });
        else if (id === 'view.back') dispatch({ type: 'back', pane: index });
        else if (id === 'view.filter') dispatch({ type: 'open', mode: 'filter' });
        else if (id === 'view.drill') drill();
        else if (id === 'view.metrics') openMetrics(props.metrics, spec?.id, rows.items[cursor], dispatch);
      },
    },
    props.keysActive,
  );

  /** k9s's sort keys: N, A, S, P by name; Shift-←/→ the next column (of the rows' cells), Shift-O the other way. */
  function sortChange(id: CommandId): SortChange | undefined {
    const by = SORTS[id];
    if (by) return { by };
    if (id === 'sort.reverse') return { reverse: true };
    if (id !== 'sort.prevColumn' && id !== 'sort.nextColumn') return undefined;
    const column = adjacentColumn(sortHeaders, frame.sort, id === 'sort.prevColumn' ? -1 : 1);
    return column === undefined ? undefined : { column };
  }

  function drill(): void {
    const item = rows.items[cursor];
    if (!item || !spec) return;
    const target = spec.drill?.(item.obj);
    if (!target) {
      dispatch({ type: 'flash', text: `nothing to drill into from ${spec.id}`, level: 'info' });
      return;
    }
    const { kind, title, namespace: ns, labelSelector, fieldSelector, ownerUid } = target;
    dispatch({
      type: 'drill',
      pane: index,
      kind,
      drill: { from: item.obj.metadata.name, title, namespace: ns, labelSelector, fieldSelector, ...(ownerUid ? { ownerUid } : {}) },
    });
  }

  return (
    <ResourcePane
      title={spec ? frameTitle(frame, spec, namespace) : frame.kind}
      columns={columns}
      items={rows.items}
      total={rows.total}
      filter={frame.filter}
      filterError={rows.filterError}
      status={spec ? snapshot?.status : unknownKind(frame.kind)}
      connection={connection}
      sort={sorting.sort}
      cursor={frame.cursor}
      scroll={frame.scroll}
      focused={props.focused}
      marks={marks}
      width={props.width}
      height={props.height}
      plain={props.plain}
      extra={metricsColumns}
      current={rows.current}
    />
  );
}

export const LivePane = memo(LivePaneView);
