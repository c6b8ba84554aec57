// The log view wired to its data and keys: useLogs streams the pods' containers, the view's own
// state (logs/log-ui.ts) follows or pauses, searches, filters; only the visible rows are built.
import { useEffect, useMemo, type Dispatch } from 'react';
import type { LogsState } from '../app/logs-state.js';
import type { AppEvent } from '../app/reducer.js';
import { useKeymap } from '../hooks/useKeymap.js';
import { useLogs } from '../hooks/useLogs.js';
import { DEFAULT_LOG_SETTINGS, type LogSettings } from '../logs/log-settings.js';
import type { TextStreamer } from '../kube/text-stream.js';
import type { LogLine } from '../logs/log-line.js';
import { RANGE_KEYS, rangeLabel, type LogUi, type LogUiAction } from '../logs/log-ui.js';
import { findMatch, lineFilter, logWindow, stepSeq } from '../logs/log-window.js';
import { containerNames } from '../logs/pod-targets.js';
import { parseSaveCommand, saveLines } from '../logs/save.js';
import type { DataSource } from '../store/types.js';
import { displayText, rowSegments, type DisplayOptions } from './log-rows.js';
import { LogView, logRows } from './LogView.js';
import type { Segment } from './Panel.js';
import { theme } from './theme.js';

export interface LiveLogsProps {
  streamer: TextStreamer;
  source: DataSource;
  logs: LogsState;
  settings?: LogSettings;
  width: number;
  height: number;
  plain: boolean;
  active: boolean;
  dispatch: Dispatch<AppEvent>;
}

const ALL = 'all containers';

function statusLine(ui: LogUi, pushed: number, shown: number, kept: number, extra: { ask?: number; error?: string; open: number }): Segment {
  if (ui.typing) {
    const lead = ui.typing.kind === 'search' ? '/' : ui.typing.kind === 'filter' ? 'filter: ' : ':';
    return { text: `${lead}${ui.typing.text}█   enter ok  esc cancel`, color: theme.key };
  }
  if (extra.ask) return { text: `${extra.ask} pods: stream the logs of every one? y/n`, color: theme.warning };
  if (ui.note) return { text: ui.note.text, color: ui.note.error ? theme.error : theme.info };
  if (extra.error) return { text: extra.error, color: theme.error };
  const parts = [ui.follow ? 'following' : `paused, ${pushed - ui.pausedAt} new lines (G follows)`];
  parts.push(`${kept} lines`);
  if (ui.filter) parts.push(`filter "${ui.filter}": ${shown}`);
  if (ui.search) parts.push(`search "${ui.search}" (n/N)`);
  if (extra.open === 0 && !ui.previous) parts.push('no stream open');
  return { text: parts.join(' · '), color: ui.follow ? theme.muted : theme.warning };
}

export function LiveLogs({ streamer, source, logs, settings = DEFAULT_LOG_SETTINGS, width, height, plain, active, dispatch }: LiveLogsProps) {
  const { target, ui } = logs;
  const act = (action: LogUiAction) => dispatch({ type: 'logsUi', action });
  const data = useLogs(streamer, source, target, ui, settings, Boolean(ui.manyPodsConfirmed));
  const { snapshot } = data;

  // A pod with one container needs no picker.
  const choices = useMemo(() => (target.pod && data.pods?.[0] ? containerNames(data.pods[0]) : []), [target.pod, data.pods]);
  useEffect(() => {
    if (ui.container === undefined && choices.length === 1) dispatch({ type: 'logsUi', action: { type: 'pick', container: choices[0] } });
  }, [ui.container, choices, dispatch]);
  const picking = ui.container === undefined && choices.length > 1;

  const merged = !target.pod;
  const options: DisplayOptions = useMemo(() => {
    const targets = snapshot.targets;
    const prefix = (origin: number) => {
      const t = targets[origin];
      if (!t) return '';
      if (merged) return `${t.pod} ${t.container} `;
      return ui.container === '*' ? `${t.container} ` : '';
    };
    return { timestamps: ui.timestamps, prefix };
  }, [snapshot.targets, snapshot.version, merged, ui.container, ui.timestamps]);
  const display = useMemo(() => (line: LogLine) => displayText(line, options), [options]);

  const filter = useMemo(() => lineFilter(ui.filter), [ui.filter]);
  const lines = useMemo(() => {
    const all = snapshot.lines.toArray();
    return filter ? all.filter((l) => l.marker || filter(display(l))) : all;
  }, [snapshot.version, snapshot.lines, filter, display]);
  const rows = logRows(height);
  const inner = Math.max(1, width - 2);
  const win = logWindow({ lines, display, rows, width: inner, wrap: ui.wrap, follow: ui.follow, topSeq: ui.topSeq });

  const scrollBy = (delta: number) => {
    const topSeq = stepSeq(lines, win.topSeq, delta);
    if (delta > 0 && win.atBottom) return;
    act(ui.follow ? { type: 'pause', topSeq, pushed: snapshot.lines.pushed } : { type: 'scrollTo', topSeq });
  };
  const jump = (term: string, dir: 1 | -1, from: number) => {
    const match = findMatch(lines, term, from, dir);
    if (match === undefined) return act({ type: 'note', text: `no match for "${term}"`, error: true });
    act({ type: 'search', term, match, topSeq: stepSeq(lines, match, -2), pushed: snapshot.lines.pushed });
  };
  const submit = (kind: 'search' | 'filter' | 'command', text: string) => {
    if (kind === 'filter') return act({ type: 'filter', text });
    if (kind === 'search') {
      if (!text) return act({ type: 'search', term: '' });
      return jump(text, -1, (lines.at(-1)?.seq ?? 0) + 1);
    }
    const parsed = parseSaveCommand(text);
    if ('error' in parsed) return act({ type: 'note', text: parsed.error, error: true });
    void saveLines(parsed.path, snapshot.lines.toArray(), display).then((note) => act({ type: 'note', ...note }));
  };

  const scopes = ui.typing ? (['input'] as const) : picking ? (['picker'] as const) : data.askPods ? (['confirm'] as const) : (['logs'] as const);
  useKeymap(
    scopes,
    {
      onCommand(id, input) {
        switch (id) {
          case 'input.cancel':
            return act({ type: 'typeCancel' });
          case 'input.delete':
            return act({ type: 'typeDelete' });
          case 'input.submit':
            return ui.typing && submit(ui.typing.kind, ui.typing.text);
          case 'picker.up':
          case 'picker.down':
            return act({ type: 'pickerMove', delta: id === 'picker.up' ? -1 : 1, count: choices.length + 1 });
          case 'picker.select':
            return act({ type: 'pickAtCursor', containers: choices });
          case 'picker.cancel':
          case 'confirm.no':
            return dispatch({ type: 'logsClose' });
          case 'confirm.yes':
            return act({ type: 'confirmManyPods' });
          case 'logs.close':
            if (ui.filter) return act({ type: 'filter', text: '' });
            if (ui.search) return act({ type: 'search', term: '' });
            return dispatch({ type: 'logsClose' });
          case 'logs.bottom':
            return act({ type: 'resume' });
          case 'logs.top':
            return lines[0] && act({ type: 'pause', topSeq: lines[0].seq, pushed: snapshot.lines.pushed });
          case 'logs.up':
            return scrollBy(-1);
          case 'logs.down':
            return scrollBy(1);
          case 'logs.pageUp':
            return scrollBy(-rows);
          case 'logs.pageDown':
            return scrollBy(rows);
          case 'logs.timestamps':
            return act({ type: 'toggle', option: 'timestamps' });
          case 'logs.wrap':
            return act({ type: 'toggle', option: 'wrap' });
          case 'logs.previous':
            return act({ type: 'toggle', option: 'previous' });
          case 'logs.range': {
            const range = RANGE_KEYS[Number(input) - 1];
            return range && act({ type: 'range', range });
          }
          case 'logs.container':
            return target.pod && choices.length > 1 && act({ type: 'pick', container: undefined });
          case 'logs.search':
            return act({ type: 'type', kind: 'search', text: '' });
          case 'logs.filter':
            return act({ type: 'type', kind: 'filter', text: ui.filter });
          case 'logs.command':
            return act({ type: 'type', kind: 'command', text: '' });
          case 'logs.next':
          case 'logs.prev':
            return ui.search && jump(ui.search, id === 'logs.next' ? 1 : -1, ui.match ?? win.topSeq);
        }
      },
      onText: ui.typing ? (text) => act({ type: 'type', text }) : undefined,
    },
    active,
  );

  const what = target.pod ? `pod/${target.pod}` : `${target.kind}/${target.name} (${data.pods?.length ?? 0} pods)`;
  const container = target.pod && ui.container ? (ui.container === '*' ? ` ${ALL}` : ` ${ui.container}`) : '';
  const title = `Logs ${target.namespace}/${what}${container} [${rangeLabel(ui, settings.tail)}]`;
  const styled = win.rows.map((r) => rowSegments(r, options, ui.search, ui.match, plain));
  const status = statusLine(ui, snapshot.lines.pushed, lines.length, snapshot.lines.size, { ask: data.askPods, error: data.error, open: snapshot.open });
  const picker = picking ? { choices: [ALL, ...choices], cursor: ui.pickerCursor } : undefined;
  return <LogView title={title} rows={styled} status={status} picker={picker} width={width} height={height} />;
}
