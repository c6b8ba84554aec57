// The form of a shell or attach (which container) or a port-forward (port, local port, address),
// with the kubectl command Enter runs, or the planner's one-line error. Pure.
import type { StreamUi } from '../actions/dialog.js';
import { planDialog } from '../actions/index.js';
import { targetsTitle } from '../actions/kinds.js';
import { formLines, previewLines, textLine } from './dialog-lines.js';
import { Panel, type PanelLine } from './Panel.js';
import { theme } from './theme.js';

const TITLES: Partial<Record<StreamUi['action'], string>> = { shell: 'Shell in', attach: 'Attach to', portForward: 'Port-forward to' };

export function streamLines(ui: StreamUi, width: number): PanelLine[] {
  const lines = formLines(ui.fields, (key) => ui.values[key] ?? '', ui.field);
  const keys = ui.fields.length > 1 ? 'tab/shift-tab: field  ←/→ or space: choice  enter: start' : '←/→ or space: choice  enter: start';
  lines.push(textLine('keys', keys, theme.muted));
  return [...lines, ...previewLines(ui.error, planDialog(ui), width)];
}

export function StreamForm({ ui, width, height }: { ui: StreamUi; width: number; height: number }) {
  return <Panel title={`${TITLES[ui.action] ?? ui.action} ${targetsTitle(ui.targets)}`} width={width} height={height} focused lines={streamLines(ui, width)} />;
}
