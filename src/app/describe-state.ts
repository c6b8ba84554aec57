// The describe overlay's state (`d` on a row): which object, how far it is scrolled, and the
// `/` search (the term being typed, the one searched for, the current match). Pure.
import type { AppState } from './state.js';

export interface DescribeTarget {
  /** Registry id ("pods"). */
  kind: string;
  namespace?: string;
  name: string;
  /** The decoded view (`x` on a Secret) instead of describe. */
  decoded?: boolean;
}

export interface DescribeUi {
  target: DescribeTarget;
  /** First line shown. */
  scroll: number;
  /** The term searched for ("" = none); matches are highlighted. */
  search: string;
  /** Text typed after `/`; undefined when not typing. */
  typing?: string;
  /** Index of the current match among the lines that match. */
  match: number;
  /** Long lines wrapped to the width instead of cut (k9s's `w`). */
  wrap?: boolean;
}

export type DescribeAction =
  | { type: 'describeOpen'; target: DescribeTarget }
  | { type: 'describeClose' }
  | { type: 'describeScroll'; scroll: number; match?: number }
  | { type: 'describeSearchStart' }
  | { type: 'describeSearchType'; text: string }
  | { type: 'describeSearchDelete' }
  | { type: 'describeSearchCancel' }
  | { type: 'describeSearchSubmit' }
  | { type: 'describeWrap' };

const TYPES = new Set<string>([
  'describeOpen',
  'describeClose',
  'describeScroll',
  'describeSearchStart',
  'describeSearchType',
  'describeSearchDelete',
  'describeSearchCancel',
  'describeSearchSubmit',
  'describeWrap',
]);

export function isDescribeAction(action: { type: string }): action is DescribeAction {
  return TYPES.has(action.type);
}

function update(state: AppState, patch: Partial<DescribeUi>): AppState {
  return state.describe ? { ...state, describe: { ...state.describe, ...patch } } : state;
}

export function describeReducer(state: AppState, action: DescribeAction): AppState {
  const ui = state.describe;
  switch (action.type) {
    case 'describeOpen':
      return { ...state, mode: 'describe', flash: undefined, describe: { target: action.target, scroll: 0, search: '', match: 0 } };
    case 'describeClose':
      return { ...state, mode: 'normal', describe: undefined };
    case 'describeScroll':
      if (!ui || (ui.scroll === action.scroll && (action.match === undefined || action.match === ui.match))) return state;
      return update(state, { scroll: Math.max(0, action.scroll), match: action.match ?? ui.match });
    case 'describeSearchStart':
      return update(state, { typing: '' });
    case 'describeSearchType':
      return ui?.typing === undefined ? state : update(state, { typing: ui.typing + action.text });
    case 'describeSearchDelete':
      if (ui?.typing === undefined) return state;
      return update(state, { typing: ui.typing.slice(0, -1) });
    case 'describeSearchCancel':
      return update(state, { typing: undefined });
    case 'describeWrap':
      return update(state, { wrap: !ui?.wrap, scroll: 0, match: 0 });
    case 'describeSearchSubmit':
      if (ui?.typing === undefined) return state;
      return update(state, { search: ui.typing, typing: undefined, match: 0 });
  }
}
