// The text overlay's state, for describe (`d` on a row) and YAML (`y`): which object, which view,
// how far it is scrolled, the `/` search (the term being typed, the one searched for, the current
// match) and the `:` command being typed. Pure.
import type { AppState } from './state.js';

export interface DescribeTarget {
  /** Registry id ("pods"). */
  kind: string;
  namespace?: string;
  name: string;
  /** The decoded view (`x` on a Secret) instead of describe. */
  decoded?: boolean;
}

/** describe: `kubectl describe`; yaml: `kubectl get -o yaml`. */
export type TextView = 'describe' | 'yaml';

export interface DescribeUi {
  target: DescribeTarget;
  /** Which text of the object; describe when absent. */
  view?: TextView;
  /** YAML: metadata.managedFields shown (kubectl's --show-managed-fields). */
  managedFields?: boolean;
  /** What is being typed: a `/` search or a `:` command; "/" when absent. */
  prompt?: '/' | ':';
  /** First line shown. */
  scroll: number;
  /** The term searched for ("" = none); matches are highlighted. */
  search: string;
  /** Text typed after `/`; undefined when not typing. */
  typing?: string;
  /** Index of the current match among the lines that match. */
  match: number;
  /** The outcome of a `:` command, on the status line until the next search or command. */
  note?: { text: string; error: boolean };
  /** Long lines wrapped to the width instead of cut (k9s's `w`). */
  wrap?: boolean;
}

export type DescribeAction =
  | { type: 'describeOpen'; target: DescribeTarget; view?: TextView }
  | { type: 'describeCommandStart' }
  | { type: 'describeManagedFields' }
  | { type: 'describeNote'; text: string; error: boolean }
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
  'describeCommandStart',
  'describeManagedFields',
  'describeNote',
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
      return {
        ...state,
        mode: 'describe',
        flash: undefined,
        describe: { target: action.target, scroll: 0, search: '', match: 0, ...(action.view === 'yaml' ? { view: 'yaml' } : {}) },
      };
    case 'describeCommandStart':
      return update(state, { typing: '', prompt: ':', note: undefined });
    case 'describeNote':
      return update(state, { note: { text: action.text, error: action.error } });
    case 'describeManagedFields':
      return update(state, { managedFields: !ui?.managedFields });
    case 'describeClose':
      return { ...state, mode: 'normal', describe: undefined };
    case 'describeScroll':
      if (!ui || (ui.scroll === action.scroll && (action.match === undefined || action.match === ui.match))) return state;
      return update(state, { scroll: Math.max(0, action.scroll), match: action.match ?? ui.match });
    case 'describeSearchStart':
      return update(state, { typing: '', prompt: undefined, note: undefined });
    case 'describeSearchType':
      return ui?.typing === undefined ? state : update(state, { typing: ui.typing + action.text });
    case 'describeSearchDelete':
      if (ui?.typing === undefined) return state;
      return update(state, { typing: ui.typing.slice(0, -1) });
    case 'describeSearchCancel':
      return update(state, { typing: undefined, prompt: undefined });
    case 'describeWrap':
      return update(state, { wrap: !ui?.wrap, scroll: 0, match: 0 });
    case 'describeSearchSubmit':
      if (ui?.typing === undefined) return state;
      if (ui.prompt === ':') return update(state, { typing: undefined, prompt: undefined });
      return update(state, { search: ui.typing, typing: undefined, match: 0 });
  }
}
