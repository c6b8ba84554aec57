// `:journal`: this run's actions, newest first, each with its kubectl command(s), what it was run
// on and how it ended. j/k scroll, Esc or q closes.
import { useSyncExternalStore, type Dispatch } from 'react';
import type { Journal, JournalEntry } from '../actions/journal.js';
import type { AppEvent } from '../app/reducer.js';
import { useKeymap } from '../hooks/useKeymap.js';
import { wrapText } from './dialog-lines.js';
import { Panel, type PanelLine } from './Panel.js';
import { theme } from './theme.js';

function clock(ms: number): string {
  const d = new Date(ms);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

function status(entry: JournalEntry): { text: string; colour: string } {
  if (!entry.outcome) return { text: 'running', colour: theme.warning };
  return entry.outcome.ok ? { text: 'ok', colour: theme.info } : { text: 'FAILED', colour: theme.error };
}

export function journalLines(entries: readonly JournalEntry[], width: number): PanelLine[] {
  if (entries.length === 0) return [{ key: 'empty', segments: [{ text: ' no actions yet in this run', color: theme.muted }] }];
  const lines: PanelLine[] = [];
  for (const entry of [...entries].reverse()) {
    const s = status(entry);
    const head = ` ${clock(entry.time)} `;
    const indent = ' '.repeat(head.length + 8);
    const pieces = entry.kubectl.flatMap((cmd) => wrapText(cmd, Math.max(10, width - 2 - indent.length - 2)).map((p, j) => (j === 0 ? `$ ${p}` : `  ${p}`)));
    pieces.forEach((piece, i) => {
      const segments = i === 0 ? [{ text: head }, { text: s.text.padEnd(8), color: s.colour, bold: true }] : [{ text: indent }];
      lines.push({ key: `${entry.id}-k${i}`, segments: [...segments, { text: piece }] });
    });
    const result = entry.outcome?.message ?? `on ${entry.targets.join(', ')}`;
    lines.push({ key: `${entry.id}-o`, segments: [{ text: `${' '.repeat(head.length + 8)}→ ${result}`, color: entry.outcome ? s.colour : theme.muted }] });
  }
  return lines;
}

export interface JournalViewProps {
  journal: Journal;
  width: number;
  /** Lines, borders included. */
  height: number;
  scroll: number;
  active: boolean;
  dispatch: Dispatch<AppEvent>;
}

export function JournalView({ journal, width, height, scroll, active, dispatch }: JournalViewProps) {
  const entries = useSyncExternalStore(journal.subscribe, journal.entries, journal.entries);
  const lines = journalLines(entries, width);
  const rows = Math.max(0, height - 3); // borders and the title line
  const maxScroll = Math.max(0, lines.length - rows);
  const top = Math.min(scroll, maxScroll);

  useKeymap(
    ['journal'],
    {
      onCommand(id) {
        if (id === 'journal.close') dispatch({ type: 'cancel' });
        else if (id === 'journal.up') dispatch({ type: 'helpScroll', delta: -1, max: maxScroll });
        else if (id === 'journal.down') dispatch({ type: 'helpScroll', delta: 1, max: maxScroll });
      },
    },
    active,
  );

  const hint = `this run's actions, newest first; esc to close${maxScroll > 0 ? ', j/k to scroll' : ''}`;
  const body: PanelLine[] = [{ key: 'title', segments: [{ text: hint, color: theme.muted }] }, ...lines.slice(top, top + rows)];
  return <Panel title={`Journal[${entries.length}]`} width={width} height={height} focused lines={body} />;
}
