// The scale / label / taint prompt: one line of kubectl syntax, the objects it applies to, and
// the kubectl command Enter will run (or the planner's one-line error). Pure.
import type { PromptUi } from '../app/action-state.js';
import { planFor, targetNames, targetsTitle } from '../app/action-plan.js';
import { dialogInner, fieldSegments, previewLines, textLine, wrapNames } from './dialog-lines.js';
import { Panel, type PanelLine } from './Panel.js';
import { theme } from './theme.js';

const TITLES = { scale: 'Scale', label: 'Label', taint: 'Taint' } as const;
const LABELS = { scale: 'replicas: ', label: 'labels: ', taint: 'taints: ' } as const;
const SYNTAX = {
  scale: 'a whole number of replicas, e.g. 3',
  label: 'key=value … to set, key- to remove (--overwrite is implied)',
  taint: 'key=value:Effect … to add, key:Effect- or key- to remove (NoSchedule, PreferNoSchedule, NoExecute)',
} as const;

export function promptLines(ui: PromptUi, width: number): PanelLine[] {
  const inner = dialogInner(width);
  const lines: PanelLine[] = [{ key: 'input', segments: fieldSegments(LABELS[ui.action], ui.text, true) }];
  lines.push(textLine('syntax', SYNTAX[ui.action], theme.muted));
  if (ui.targets.length > 1) {
    wrapNames(targetNames(ui.targets), inner - 4).forEach((l, i) => lines.push(textLine(`on${i}`, `${i === 0 ? 'on: ' : '    '}${l}`)));
  }
  return [...lines, ...previewLines(ui.error, planFor(ui), width)];
}

export function promptTitle(ui: PromptUi): string {
  return `${TITLES[ui.action]} ${targetsTitle(ui.targets)}`;
}

export interface ActionPromptProps {
  ui: PromptUi;
  width: number;
  height: number;
}

export function ActionPrompt({ ui, width, height }: ActionPromptProps) {
  return <Panel title={promptTitle(ui)} width={width} height={height} focused lines={promptLines(ui, width)} />;
}
