// The describe overlay wired to its data and keys: useDescribe keeps the text fresh, the
// `describe` scope scrolls and searches, the `input` scope edits the search while typing.
import { useMemo, type Dispatch } from 'react';
import type { DescribeUi } from '../app/describe-state.js';
import type { Action } from '../app/reducer.js';
import type { PaneState } from '../app/state.js';
import { useDescribe } from '../hooks/useDescribe.js';
import { useHeldWatches } from '../hooks/useHeldWatches.js';
import { useKeymap } from '../hooks/useKeymap.js';
import type { KubeClient } from '../kube/client.js';
import { findKind } from '../kinds/registry.js';
import type { DataSource } from '../store/types.js';
import { clampScroll, firstMatchFrom, matchingLines, maxScroll, scrollToLine, wrapLines } from './describe-lines.js';
import { DescribeView, describeRows } from './DescribeView.js';

export interface LiveDescribeProps {
  client: KubeClient;
  source: DataSource;
  ui: DescribeUi;
  /** The panes under the overlay: their watches are held while it is open. */
  panes?: readonly PaneState[];
  namespace?: string;
  width: number;
  height: number;
  plain: boolean;
  active: boolean;
  dispatch: Dispatch<Action>;
  /** Test hook: refresh period (ms). */
  refreshMs?: number;
}

function splitLines(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function LiveDescribe({ client, source, ui, panes = [], namespace, width, height, plain, active, dispatch, refreshMs }: LiveDescribeProps) {
  const { target } = ui;
  useHeldWatches(source, panes, namespace);
  const described = useDescribe(client, source, target, refreshMs);
  const inner = Math.max(1, width - 2);
  const lines = useMemo(() => {
    const all = splitLines(described.text);
    return all && ui.wrap ? wrapLines(all, inner) : all;
  }, [described.text, ui.wrap, inner]);
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

  useKeymap(
    typing ? ['input'] : ['describe'],
    {
      onCommand(id) {
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
          case 'describe.next':
            return jump(ui.search, ui.match + 1);
          case 'describe.prev':
            return jump(ui.search, ui.match - 1);
          case 'input.cancel':
            return dispatch({ type: 'describeSearchCancel' });
          case 'input.delete':
            return dispatch({ type: 'describeSearchDelete' });
          case 'input.submit': {
            const term = ui.typing ?? '';
            dispatch({ type: 'describeSearchSubmit' });
            return jump(term, firstMatchFrom(matchingLines(lines ?? [], term), top));
          }
        }
      },
      onText: typing ? (text) => dispatch({ type: 'describeSearchType', text }) : undefined,
    },
    active,
  );

  const what = `${findKind(target.kind)?.kind ?? target.kind} ${target.namespace ? `${target.namespace}/` : ''}${target.name}`;
  const title = target.decoded ? `Decoded ${what}: shows the values in clear` : `Describe ${what}`;
  return (
    <DescribeView
      title={title}
      lines={lines}
      error={described.error}
      scroll={top}
      search={ui.search}
      typing={ui.typing}
      match={ui.match}
      width={width}
      height={height}
      plain={plain}
    />
  );
}
