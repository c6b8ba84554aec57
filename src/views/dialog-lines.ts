// Pieces the action dialogs share: the input field with its cursor, the kubectl preview or the
// planner's error, and a list of names wrapped to the dialog's width.
import type { PlanResult } from '../actions/types.js';
import type { PanelLine, Segment } from './Panel.js';
import { theme } from './theme.js';

/** Inner width of a dialog `width` wide (borders, one space of padding). */
export function dialogInner(width: number): number {
  return Math.max(1, width - 3);
}

/** `label value█`; the block cursor only on the focused field. */
export function fieldSegments(label: string, value: string, focused: boolean): Segment[] {
  const segments: Segment[] = [{ text: ` ${focused ? '>' : ' '} ${label}`, color: focused ? theme.key : theme.muted, bold: focused }, { text: value }];
  if (focused) segments.push({ text: ' ', inverse: true });
  return segments;
}

/** `text` cut into pieces of at most `width` characters, at spaces where it can. */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > width && width > 0) {
    const space = rest.lastIndexOf(' ', width);
    const at = space > width / 2 ? space : width;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^ /, '');
  }
  out.push(rest);
  return out;
}

/** The planner's one-line error, else the kubectl command(s) that Enter/y will run, wrapped to `width`. */
export function previewLines(error: string | undefined, plan: PlanResult, width: number): PanelLine[] {
  if (error) return [{ key: 'error', segments: [{ text: ` ${error}`, color: theme.error }] }];
  if (!plan.ok) return [{ key: 'pending', segments: [{ text: ' (the kubectl command shows here once the input is valid)', color: theme.muted }] }];
  return plan.plan.kubectl.flatMap((line, i) =>
    wrapText(line, Math.max(10, dialogInner(width) - 5)).map((piece, j) => ({
      key: `kubectl${i}-${j}`,
      segments: [{ text: `${j === 0 ? ' $ ' : '     '}${piece}`, color: theme.info }],
    })),
  );
}

/** Names joined with ", " and wrapped to `width`; a name longer than the width gets its own line. */
export function wrapNames(names: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const [i, name] of names.entries()) {
    const piece = i < names.length - 1 ? `${name},` : name;
    if (line && line.length + 1 + piece.length > width) {
      lines.push(line);
      line = piece;
    } else {
      line = line ? `${line} ${piece}` : piece;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A form's fields, one a line: typed text with its cursor, or the choices with the chosen one marked. */
export function formLines(fields: readonly { key: string; label: string; choices?: readonly string[] }[], value: (key: string) => string, focus: number): PanelLine[] {
  const width = Math.max(...fields.map((f) => f.label.length)) + 2;
  return fields.map((field, i) => {
    const focused = i === focus;
    const label = `${field.label}:`.padEnd(width);
    const current = value(field.key);
    if (!field.choices) return { key: field.key, segments: fieldSegments(label, current, focused) };
    const head: Segment = { text: ` ${focused ? '>' : ' '} ${label}`, color: focused ? theme.key : theme.muted, bold: focused };
    return { key: field.key, segments: [head, ...choiceSegments(field.choices, current, focused)] };
  });
}

function choiceSegments(choices: readonly string[], value: string, focused: boolean): Segment[] {
  return choices.flatMap((c, i) => {
    const chosen = c === value;
    const gap: Segment[] = i > 0 ? [{ text: ' ' }] : [];
    return [...gap, { text: chosen ? `[${c}]` : ` ${c} `, bold: chosen, inverse: chosen && focused, color: chosen ? undefined : theme.muted }];
  });
}

export function textLine(key: string, text: string, colour?: string): PanelLine {
  return { key, segments: [{ text: ` ${text}`, color: colour }] };
}
