// The confirmation for delete and for NoExecute taints: names every object affected, shows the
// kubectl command, and for delete the grace period and force fields. `y` confirms; Esc, `n` or
// any other key cancels. Pure.
import type { ConfirmUi, DeleteUi } from '../actions/dialog.js';
import { ACTION_COMMANDS, planDialog } from '../actions/index.js';
import { targetNames, targetsTitle } from '../actions/kinds.js';
import { DELETE_FIELDS } from '../app/dialog-state.js';
import { dialogInner, fieldSegments, previewLines, textLine, wrapNames } from './dialog-lines.js';
import { Panel, type PanelLine } from './Panel.js';
import { theme } from './theme.js';

type Ui = DeleteUi | ConfirmUi;

function verb(ui: Ui): string {
  return ACTION_COMMANDS[ui.action].title;
}

export function confirmTitle(ui: Ui): string {
  return `${verb(ui)} ${targetsTitle(ui.targets)}?`;
}

function deleteFields(ui: DeleteUi): PanelLine[] {
  const grace = fieldSegments('grace period: ', ui.options.gracePeriod, ui.field === 0);
  grace.push({ text: '  seconds; empty = the object\'s default', color: theme.muted });
  const force = fieldSegments(`force:        [${ui.options.force ? 'x' : ' '}]`, '', ui.field === 1 && DELETE_FIELDS > 1);
  force.push({ text: '  space toggles (no wait for the kubelet)', color: theme.muted });
  return [
    { key: 'grace', segments: grace },
    { key: 'force', segments: force },
  ];
}

export function confirmLines(ui: Ui, width: number): PanelLine[] {
  const inner = dialogInner(width);
  const names = wrapNames(targetNames(ui.targets), inner - 2);
  const noun = ui.targets.length === 1 ? 'this object' : `these ${ui.targets.length} objects`;
  const lines: PanelLine[] = [textLine('what', `${verb(ui)} ${noun}:`, theme.warning)];
  names.forEach((n, i) => lines.push(textLine(`name${i}`, `  ${n}`)));
  if (ui.type === 'delete') lines.push(...deleteFields(ui));
  lines.push(...previewLines(ui.error, planDialog(ui), width));
  lines.push({ key: 'answer', segments: [{ text: ' y', color: theme.key, bold: true }, { text: ' to confirm; esc, n or any other key cancels' }] });
  return lines;
}

export interface ConfirmDialogProps {
  ui: Ui;
  width: number;
  height: number;
}

export function ConfirmDialog({ ui, width, height }: ConfirmDialogProps) {
  const lines = confirmLines(ui, width);
  const rows = Math.max(0, height - 2);
  // Never hide the answer line: when names overflow, keep the last lines and say how many were cut.
  let shown = lines;
  if (lines.length > rows && rows >= 3) {
    const cut = lines.length - rows + 1;
    shown = [lines[0] as PanelLine, textLine('cut', `… ${cut} more line(s) of names: make the terminal taller to see them all`, theme.warning), ...lines.slice(cut + 1)];
  }
  return <Panel title={confirmTitle(ui)} width={width} height={height} focused lines={shown} />;
}
