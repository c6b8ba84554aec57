// Listing and watching through the server's Table format (`kubectl get`'s own columns) for kinds
// without a hand-written renderer. A KubeClient decorator: each row becomes the row's object
// (PartialObjectMetadata) carrying its cells and the column definitions under TABLE, so the store,
// the informer and the panes handle it as any other object.
import type { KubeClient, ListResult, Query, WatchEventArgs } from '../kube/client.js';
import type { KubeObject } from '../kube/types.js';

/** kubectl's Accept for `get`: a v1 Table, else plain JSON. */
export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

export interface TableColumn {
  name: string;
  type: string;
  format?: string;
  priority?: number;
  description?: string;
}

/** What a Table row adds to its object. */
export interface TableCells {
  columns: readonly TableColumn[];
  cells: readonly unknown[];
}

export const TABLE = 'ktTable';

interface TableRow {
  cells?: unknown[];
  object?: KubeObject;
}

interface Table {
  kind?: string;
  metadata?: { resourceVersion?: string; continue?: string };
  columnDefinitions?: TableColumn[];
  rows?: TableRow[];
}

export function tableCellsOf(obj: KubeObject | undefined): TableCells | undefined {
  return obj?.[TABLE] as TableCells | undefined;
}

function withQuery(path: string, query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

function rowObject(row: TableRow, columns: readonly TableColumn[]): KubeObject | undefined {
  const obj = row.object;
  if (!obj?.metadata) return undefined;
  obj[TABLE] = { columns, cells: row.cells ?? [] } satisfies TableCells;
  return obj;
}

/**
 * A client whose list and watch speak Table: it asks `inner` for TABLE_ACCEPT. Other calls pass
 * through. The column definitions of a collection are those of its last list (a watch event may
 * bring new ones, e.g. after a CRD's printer columns changed).
 */
export function serverTableClient(client: KubeClient): KubeClient {
  const inner = client.withAccept(TABLE_ACCEPT);
  const columnsByPath = new Map<string, readonly TableColumn[]>();
  return {
    async list(path, query, signal): Promise<ListResult> {
      if (signal?.aborted) throw new Error('request aborted');
      const table = await inner.request<Table>('GET', withQuery(path, query));
      const columns = table.columnDefinitions ?? [];
      columnsByPath.set(path, columns);
      const items = (table.rows ?? []).map((r) => rowObject(r, columns)).filter((o): o is KubeObject => o !== undefined);
      const next = table.metadata?.continue;
      return { items, resourceVersion: table.metadata?.resourceVersion ?? '', ...(next ? { continue: next } : {}) };
    },
    watch(path, query, onEvent, onDone, onOpen) {
      const handle = (...[type, obj]: WatchEventArgs) => {
        if (type === 'ERROR') return onEvent(type, obj);
        const table = obj as Table & KubeObject;
        if (table.kind !== 'Table') return onEvent(type, obj);
        if (table.columnDefinitions?.length) columnsByPath.set(path, table.columnDefinitions);
        const rows = table.rows ?? [];
        // A bookmark (or an empty table) still moves the resourceVersion on.
        if (rows.length === 0) return onEvent(type, { metadata: { name: '', resourceVersion: table.metadata?.resourceVersion } });
        for (const row of rows) {
          const o = rowObject(row, columnsByPath.get(path) ?? []);
          if (o) onEvent(type, o);
        }
      };
      return inner.watch(path, query, handle, onDone, onOpen);
    },
    serverVersion: () => inner.serverVersion(),
    request: (method, path, body, contentType) => inner.request(method, path, body, contentType),
    withAccept: (accept) => client.withAccept(accept),
  };
}
