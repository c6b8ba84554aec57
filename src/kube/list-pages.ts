// A whole collection listed in pages, as kubectl and client-go do: a 10,000-pod list is 40 MB of
// JSON, held three times over (chunks, joined, decoded) while parsing in one piece. Each page is
// asked for as soon as the previous one's continue token arrives (its first bytes), so the API
// server prepares it while kt still reads the last. All pages share the first one's snapshot; an
// expired continue token fails with 410 and the list starts over.
import type { KubeClient, ListResult, Query } from './client.js';
import { objectKey, type KubeObject } from './types.js';

/** Objects per list request (kubectl's --chunk-size default). */
export const LIST_PAGE = 500;

/** Every object by objectKey, managedFields stripped, and the list's resourceVersion; undefined once `signal` aborted. */
export async function listAll(
  client: KubeClient,
  path: string,
  query: Query,
  signal: AbortSignal,
): Promise<{ items: Map<string, KubeObject>; resourceVersion: string } | undefined> {
  const pages = new Map<string, Promise<ListResult>>();
  const fetch = (token: string | undefined): Promise<ListResult> =>
    client.list(path, { ...query, limit: LIST_PAGE, continue: token }, signal, (next) => {
      if (pages.has(next)) return;
      const ahead = fetch(next);
      ahead.catch(() => undefined); // its failure surfaces when it is awaited (or never, once stopped)
      pages.set(next, ahead);
    });
  const items = new Map<string, KubeObject>();
  let resourceVersion = '';
  let page: Promise<ListResult> | undefined = fetch(undefined);
  while (page) {
    const res: ListResult = await page;
    if (signal.aborted) return undefined;
    for (const obj of res.items) if (obj?.metadata) items.set(objectKey(obj), strip(obj));
    resourceVersion = res.resourceVersion;
    page = res.continue ? (pages.get(res.continue) ?? fetch(res.continue)) : undefined;
  }
  return { items, resourceVersion };
}

export function strip(obj: KubeObject): KubeObject {
  if (obj.metadata.managedFields !== undefined) delete obj.metadata.managedFields;
  return obj;
}
