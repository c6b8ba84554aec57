// The text viewer shared by describe (`d`) and YAML (`y`), wired to its keys: the `describe`
// scope scrolls, searches, wraps and opens the `:` line; the `input` scope edits the search or
// command while typing. The text comes from the caller, which keeps it live.
import { useMemo, type Dispatch } from 'react';
import type { DescribeUi } from '../app/describe-state.js';
import type { AppEvent } from '../app/reducer.js';
import { useKeymap } from '../hooks/useKeymap.js';
import type { CommandId } from '../keys/bindings.js';
import { runTextCommand } from '../yaml/text-command.js';
import { clampScroll, firstMatchFrom, matchingLines, maxScroll, scrollToLine, wrapLines } from './describe-lines.js';
import { DescribeView, describeRows } from './DescribeView.js';
import type { Segment } from './Panel.js';

export interface LiveTextProps {
  title: string;
  /** The text; undefined until the first load. */
  text: string | undefined;
  error?: string;
  ui: DescribeUi;
  width: number;
  height: number;
  plain: boolean;
  active: boolean;
  dispatch: Dispatch<AppEvent>;
  colorize?: (line: string) => Segment[];
  idleHint?: string;
  /** Commands of this view beyond the shared ones; true when handled. */
  onCommand?: (id: CommandId) => boolean;
}

function splitLines(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function LiveText({ title, text, error, ui, width, height, plain, active, dispatch, colorize, idleHint, onCommand }: LiveTextProps) {
  const inner = Math.max(1, width - 2);
  const lines = useMemo(() => {
    const all = splitLines(text);
    return all && ui.wrap ? wrapLines(all, inner) : all;
  }, [text, ui.wrap, inner]);
  const count = lines?.length ?? 0;
  const rows = describeRows(height);
  const top = clampScroll(ui.scroll, count, rows);
  const typing = ui.typing !== undefined;

  const jump = (term: string, index: number) => {
    const matches = matchingLines(lines ?? [], term);
    if (matches.length === 0) return;
    const i = ((index % matches.length) + matches.length) % matches.length;
    dispatch({ type: 'describeScroll', scroll: scrollToLine(matches[i] as number, count, rows), match: i });
  };

  const submit = () => {
    const typed = ui.typing ?? '';
    dispatch({ type: 'describeSearchSubmit' });
    if (ui.prompt === ':') {
      void runTextCommand(typed, text ?? '').then((result) => dispatch({ type: 'describeNote', text: result.message, error: !result.ok }));
      return;
    }
    jump(typed, firstMatchFrom(matchingLines(lines ?? [], typed), top));
  };

  useKeymap(
    typing ? ['input'] : ['describe'],
    {
      onCommand(id) {
        if (onCommand?.(id)) return;
        const scrollTo = (scroll: number) => dispatch({ type: 'describeScroll', scroll: clampScroll(scroll, count, rows) });
        switch (id) {
          case 'describe.close':
            return dispatch({ type: 'describeClose' });
          case 'describe.up':
            return scrollTo(top - 1);
          case 'describe.down':
            return scrollTo(top + 1);
          case 'describe.pageUp':
            return scrollTo(top - rows);
          case 'describe.pageDown':
            return scrollTo(top + rows);
          case 'describe.top':
            return scrollTo(0);
          case 'describe.bottom':
            return scrollTo(maxScroll(count, rows));
          case 'describe.wrap':
            return dispatch({ type: 'describeWrap' });
          case 'describe.search':
            return dispatch({ type: 'describeSearchStart' });
          case 'describe.command':
            return dispatch({ type: 'describeCommandStart' });
          case 'describe.next':
            return jump(ui.search, ui.match + 1);
          case 'describe.prev':
            return jump(ui.search, ui.match - 1);
          case 'input.cancel':
            return dispatch({ type: 'describeSearchCancel' });
          case 'input.delete':
            return dispatch({ type: 'describeSearchDelete' });
          case 'input.submit':
            return submit();
        }
      },
      onText: typing ? (typed) => dispatch({ type: 'describeSearchType', text: typed }) : undefined,
    },
    active,
  );

  return (
    <DescribeView
      title={title}
      lines={lines}
      error={error}
      scroll={top}
      search={ui.search}
      typing={ui.typing}
      prompt={ui.prompt}
      match={ui.match}
      width={width}
      height={height}
      plain={plain}
      colorize={colorize}
      idleHint={idleHint}
      note={ui.note}
    />
  );
}
