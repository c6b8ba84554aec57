// The drain dialog: kubectl drain's options, the pods that will be evicted (as kt knows them
// before anything is sent), kubectl's warnings, the command `y` runs; then, while it runs, each
// pod's progress in kubectl's words and the summary line. Pure.
import type { DrainUi } from '../actions/dialog.js';
import { DRAIN_DEFAULTS, previewDrain } from '../actions/drain.js';
import { planDialog } from '../actions/index.js';
import { targetsTitle } from '../actions/kinds.js';
import { DRAIN_FIELDS } from '../app/dialog-state.js';
import { dialogInner, fieldSegments, previewLines, textLine, wrapNames, wrapText } from './dialog-lines.js';
import { Panel, type PanelLine } from './Panel.js';
import { theme } from './theme.js';

/** "[x] --force" for a toggle, "timeout: 5m" for a typed field; the help lines up after the widest. */
const label = (text: string, value: string | boolean) => (typeof value === 'boolean' ? `[${value ? 'x' : ' '}] ${text}` : `${text}: `);
const WIDTH = Math.max(...DRAIN_FIELDS.map((f) => label(f.label, typeof DRAIN_DEFAULTS[f.key] === 'boolean' ? false : '').length)) + 6;

function fieldLines(ui: DrainUi): PanelLine[] {
  return DRAIN_FIELDS.map((f, i) => {
    const focused = i === ui.field;
    const value = ui.options[f.key];
    const text = label(f.label, value);
    const segments = typeof value === 'boolean' ? fieldSegments(text, '', focused) : fieldSegments(text, value, focused);
    const used = text.length + (typeof value === 'boolean' ? 0 : value.length) + (focused ? 1 : 0);
    segments.push({ text: `${' '.repeat(Math.max(2, WIDTH - used))}${f.help}`, color: theme.muted });
    return { key: f.key, segments };
  });
}

/** The lines before the drain runs: options, pods to evict, warnings, the command. */
function planLines(ui: DrainUi, width: number): PanelLine[] {
  const inner = dialogInner(width);
  const preview = previewDrain(ui.pods, ui.options);
  const lines = fieldLines(ui);
  const names = preview.evict.map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
  lines.push(textLine('evict', names.length ? `Pods to evict (${names.length}):` : 'No pods to evict (as the pane sees the node).', theme.warning));
  wrapNames(names, inner - 4).forEach((l, i) => lines.push(textLine(`pod${i}`, `  ${l}`)));
  if (preview.warnings) wrapText(`Warning: ${preview.warnings}`, inner - 2).forEach((l, i) => lines.push(textLine(`warn${i}`, l, theme.muted)));
  // kubectl's refusals, with the flag that lifts each: nothing can be sent until they are gone.
  preview.errors.flatMap((e) => wrapText(e, inner - 2)).forEach((l, i) => lines.push(textLine(`err${i}`, l, theme.error)));
  lines.push(...previewLines(ui.error, planDialog(ui), width));
  lines.push({ key: 'answer', segments: [{ text: ' y', color: theme.key, bold: true }, { text: ' to drain; tab/space: options; esc or n cancels' }] });
  return lines;
}

/** While running and after: kubectl's lines, the newest that fit, and the summary. */
function progressLines(ui: DrainUi, width: number, rows: number): PanelLine[] {
  const progress = ui.progress;
  if (!progress) return [];
  const inner = dialogInner(width);
  const all = progress.lines.flatMap((line) => wrapText(line, inner - 2));
  const tail = [textLine('state', progress.done ? 'done: esc closes' : 'draining… esc hides this (the drain goes on; its outcome is flashed)', theme.muted)];
  const room = Math.max(1, rows - tail.length);
  const shown = all.slice(-room).map((l, i) => textLine(`p${i}`, l, /^error|unable/.test(l) ? theme.error : undefined));
  return [...shown, ...tail];
}

export function drainLines(ui: DrainUi, width: number, rows = 1000): PanelLine[] {
  return ui.progress ? progressLines(ui, width, rows) : planLines(ui, width);
}

export interface DrainDialogProps {
  ui: DrainUi;
  width: number;
  height: number;
}

export function DrainDialog({ ui, width, height }: DrainDialogProps) {
  const title = `${ui.progress ? (ui.progress.done ? 'Drained' : 'Draining') : 'Drain'} ${targetsTitle(ui.targets)}${ui.progress ? '' : '?'}`;
  return <Panel title={title} width={width} height={height} focused lines={drainLines(ui, width, Math.max(1, height - 2))} />;
}
