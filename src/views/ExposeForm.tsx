// The expose form: port, target port, protocol, type, node port, service name (defaults from
// exposeDefaults), the kubectl command Enter will run, or the planner's one-line error. Pure.
import type { ExposeUi } from '../actions/dialog.js';
import { planDialog } from '../actions/index.js';
import { targetsTitle } from '../actions/kinds.js';
import { EXPOSE_FIELDS } from '../app/dialog-state.js';
import { fieldSegments, previewLines, textLine } from './dialog-lines.js';
import { Panel, type PanelLine, type Segment } from './Panel.js';
import { theme } from './theme.js';

const LABEL_WIDTH = Math.max(...EXPOSE_FIELDS.map((f) => f.label.length)) + 2;

function choiceSegments(choices: readonly string[], value: string, focused: boolean): Segment[] {
  return choices.flatMap((c, i) => {
    const chosen = c === value;
    const gap: Segment[] = i > 0 ? [{ text: ' ' }] : [];
    return [...gap, { text: chosen ? `[${c}]` : ` ${c} `, bold: chosen, inverse: chosen && focused, color: chosen ? undefined : theme.muted }];
  });
}

export function exposeLines(ui: ExposeUi, width: number): PanelLine[] {
  const lines: PanelLine[] = EXPOSE_FIELDS.map((field, i) => {
    const focused = i === ui.field;
    const label = `${field.label}:`.padEnd(LABEL_WIDTH);
    const value = ui.form[field.key];
    if (!field.choices) return { key: field.key, segments: fieldSegments(label, value, focused) };
    const head: Segment = { text: ` ${focused ? '>' : ' '} ${label}`, color: focused ? theme.key : theme.muted, bold: focused };
    return { key: field.key, segments: [head, ...choiceSegments(field.choices, value, focused)] };
  });
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
