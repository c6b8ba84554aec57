// The expose form: port, target port, protocol, type, node port, service name (defaults from
// exposeDefaults), the kubectl command Enter will run, or the planner's one-line error. Pure.
import type { ExposeUi } from '../actions/dialog.js';
import { planDialog } from '../actions/index.js';
import { targetsTitle } from '../actions/kinds.js';
import { EXPOSE_FIELDS } from '../app/dialog-state.js';
import { formLines, previewLines, textLine } from './dialog-lines.js';
import { Panel, type PanelLine } from './Panel.js';
import { theme } from './theme.js';

export function exposeLines(ui: ExposeUi, width: number): PanelLine[] {
  const lines = formLines(EXPOSE_FIELDS, (key) => ui.form[key as keyof typeof ui.form], ui.field);
  lines.push(textLine('keys', 'tab/shift-tab: field  ←/→ or space: choice  empty node port: the server picks', theme.muted));
  return [...lines, ...previewLines(ui.error, planDialog(ui), width)];
}

export interface ExposeFormProps {
  ui: ExposeUi;
  width: number;
  height: number;
}

export function ExposeForm({ ui, width, height }: ExposeFormProps) {
  return <Panel title={`Expose ${targetsTitle(ui.targets)} as a Service`} width={width} height={height} focused lines={exposeLines(ui, width)} />;
}
