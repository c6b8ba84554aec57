// `:prom`: the Prometheus instances the engine found; Enter takes metrics from the one under the
// cursor (MetricsSource.select), Esc closes. The source in use is marked "(in use)".
import type { Dispatch } from 'react';
import { clampWindow } from '../app/pane-reducer.js';
import type { AppEvent } from '../app/reducer.js';
import { useClusterMetrics } from '../hooks/useMetrics.js';
import { useKeymap } from '../hooks/useKeymap.js';
import type { MetricsSource, MetricsStatus } from '../metrics/types.js';
import { Panel, type PanelLine } from './Panel.js';
import { theme } from './theme.js';

export interface PromPickerProps {
  metrics: MetricsSource | undefined;
  cursor: number;
  width: number;
  /** Lines, borders included. */
  height: number;
  active: boolean;
  plain: boolean;
  dispatch: Dispatch<AppEvent>;
}

/** Whether a candidate is the source the status reports ("ns/svc:port (API proxy)" starts with "ns/svc:port"). */
export function inUse(candidate: string, status: MetricsStatus | undefined): boolean {
  const source = status?.source;
  return Boolean(source && (source === candidate || source.startsWith(`${candidate} `)));
}

export function PromPicker(props: PromPickerProps) {
  const { metrics, dispatch } = props;
  const status = useClusterMetrics(metrics)?.status;
  const candidates = metrics?.candidates() ?? [];
  const rows = Math.max(0, props.height - 3); // borders and the status line
  const { cursor, scroll: top } = clampWindow(props.cursor, 0, candidates.length, rows);

  useKeymap(
    ['prom'],
    {
      onCommand(id) {
        if (id === 'prom.up') dispatch({ type: 'pickerMove', delta: -1, count: candidates.length });
        else if (id === 'prom.down') dispatch({ type: 'pickerMove', delta: 1, count: candidates.length });
        else if (id === 'prom.cancel') dispatch({ type: 'cancel' });
        else if (id === 'prom.select') {
          const choice = candidates[cursor];
          if (!choice || !metrics) return;
          metrics.select(choice);
          dispatch({ type: 'cancel' });
          dispatch({ type: 'flash', text: `metrics: switching to ${choice}`, level: 'info' });
        }
      },
    },
    props.active,
  );

  const now = !metrics ? 'metrics: off' : status?.source ? `metrics: ${status.source}` : `metrics: none (${status?.reason ?? status?.state ?? 'unknown'})`;
  const lines: PanelLine[] = [{ key: 'status', segments: [{ text: now, color: theme.muted }] }];
  if (candidates.length === 0) {
    lines.push({ key: 'none', segments: [{ text: metrics ? `no Prometheus found${status?.reason ? `: ${status.reason}` : ''}` : 'kt runs without metrics', color: theme.warning }] });
  }
  candidates.slice(top, top + rows).forEach((c, i) => {
    const at = top + i === cursor;
    const used = inUse(c, status);
    lines.push({
      key: c,
      segments: [
        { text: at && props.plain ? '>' : ' ', inverse: at },
        { text: `${c}${used ? ' (in use)' : ''}`, bold: used, inverse: at },
      ],
    });
  });
  return <Panel title="Prometheus: enter to use, esc to close" width={props.width} height={props.height} focused lines={lines} />;
}
