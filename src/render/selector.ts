// Label sets and label selectors written as kubectl writes them (labels.FormatLabels and
// metav1.LabelSelectorAsSelector(...).String()). The strings are valid label-selector syntax, so
// drill-downs pass them to the API server as they are.

export interface LabelSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "k=v,k2=v2" sorted as kubectl sorts (by the whole "k=v" string); "" when empty. */
export function labelsString(labels: Record<string, string> | undefined): string {
  if (!labels) return '';
  const parts: string[] = [];
  for (const k in labels) parts.push(`${k}=${labels[k]}`);
  if (parts.length === 1) return parts[0] as string;
  return parts.sort(byteOrder).join(',');
}

/** kubectl's labels.FormatLabels: like labelsString but "<none>" when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  return labelsString(labels) || '<none>';
}

interface Requirement {
  key: string;
  text: string;
}

function requirement(expr: LabelSelectorRequirement): Requirement | undefined {
  const { key, operator } = expr;
  const values = expr.values ?? [];
  if (typeof key !== 'string' || key === '') return undefined;
  switch (operator) {
    case 'In':
    case 'NotIn': {
      if (values.length === 0) return undefined;
      const list = values.length === 1 ? values[0] : [...values].sort(byteOrder).join(',');
      return { key, text: `${key} ${operator === 'In' ? 'in' : 'notin'} (${list})` };
    }
    case 'Exists':
      return values.length === 0 ? { key, text: key } : undefined;
    case 'DoesNotExist':
      return values.length === 0 ? { key, text: `!${key}` } : undefined;
    default:
      return undefined;
  }
}

/**
 * A LabelSelector as selector text, requirements sorted by key: "app=web,tier in (a,b),!legacy".
 * "" for a selector with no requirements (matches everything), undefined for no selector
 * (matches nothing), null when it is invalid (an unknown operator, In with no values, …).
 */
export function selectorString(sel: LabelSelector | null | undefined): string | null | undefined {
  if (!sel) return undefined;
  const reqs: Requirement[] = [];
  const labels = sel.matchLabels;
  if (labels) for (const k in labels) reqs.push({ key: k, text: `${k}=${labels[k]}` });
  for (const expr of sel.matchExpressions ?? []) {
    const r = requirement(expr);
    if (!r) return null;
    reqs.push(r);
  }
  if (reqs.length === 1) return (reqs[0] as Requirement).text;
  // Array.prototype.sort is stable, so equal keys keep their order (matchLabels first).
  reqs.sort((a, b) => byteOrder(a.key, b.key));
  let out = '';
  for (let i = 0; i < reqs.length; i++) out += (i === 0 ? '' : ',') + (reqs[i] as Requirement).text;
  return out;
}

/** metav1.FormatLabelSelector: "<none>" when empty or absent, "<error>" when invalid. */
export function formatSelector(sel: LabelSelector | null | undefined): string {
  const s = selectorString(sel);
  if (s === null) return '<error>';
  return s || '<none>';
}
