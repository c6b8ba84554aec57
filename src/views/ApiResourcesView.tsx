// `:api-resources`: every kind the server serves, with kubectl api-resources' columns; Enter opens
// the one under the cursor in the focused pane, Esc closes. Follows discovery as it changes.
import { useKinds } from '../hooks/useKinds.js';
import { API_RESOURCES_HEADERS, apiResourceRows } from '../kinds/api-resources.js';
import { ListOverlay, type OverlayProps } from './ListOverlay.js';

export type ApiResourcesViewProps = OverlayProps;

export function ApiResourcesView(props: ApiResourcesViewProps) {
  useKinds();
  const rows = apiResourceRows().map((r) => ({ key: r.id, cells: r.cells }));
  return (
    <ListOverlay
      {...props}
      title={`API resources[${rows.length}]: enter to open, esc to close`}
      headers={API_RESOURCES_HEADERS}
      rows={rows}
      onSelect={(i) => {
        const chosen = rows[i];
        if (chosen) props.dispatch({ type: 'command', result: { type: 'show', kind: chosen.key } });
      }}
    />
  );
}
