// The log view: the visible log rows in a full-body panel, and a status line (following or
// paused with "N new lines", the filter and search, the prompt being typed, a note). Or, before
// streaming a pod with several containers, the container picker. Pure.
import { memo } from 'react';
import { Panel, type PanelLine, type Segment } from './Panel.js';
import { theme } from './theme.js';

export interface LogViewProps {
  title: string;
  /** The screen rows, already styled (views/log-rows.ts). */
  rows: readonly (readonly Segment[])[];
  status: Segment;
  /** The container picker's choices and cursor, while it is open. */
  picker?: { choices: readonly string[]; cursor: number };
  width: number;
  /** Lines, borders included. */
  height: number;
}

/** Log rows inside the borders, less the status line. */
export function logRows(height: number): number {
  return Math.max(1, height - 3);
}

function pickerLines(picker: NonNullable<LogViewProps['picker']>, rows: number): PanelLine[] {
  const lines: PanelLine[] = [{ key: 'ask', segments: [{ text: 'Which container? (enter picks, esc back)', color: theme.muted }] }];
  const top = Math.max(0, picker.cursor - rows + 2);
  picker.choices.slice(top, top + rows - 1).forEach((choice, i) => {
    const selected = top + i === picker.cursor;
    lines.push({ key: `c${i}`, segments: [{ text: `${selected ? '>' : ' '} ${choice}`, inverse: selected, bold: selected }] });
  });
  return lines;
}

function LogViewImpl({ title, rows, status, picker, width, height }: LogViewProps) {
  const n = logRows(height);
  const body: PanelLine[] = picker ? pickerLines(picker, n) : rows.slice(0, n).map((segments, i) => ({ key: `r${i}`, segments }));
  while (body.length < n) body.push({ key: `e${body.length}`, segments: [{ text: '' }] });
  body.push({ key: 'status', segments: [status] });
  return <Panel title={title} width={width} height={height} focused lines={body} />;
}

export const LogView = memo(LogViewImpl);
