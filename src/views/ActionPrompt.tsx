// The scale / label / taint prompt: one line of kubectl syntax, the objects it applies to, and
// the kubectl command Enter will run (or the planner's one-line error). Pure.
import type { PromptUi } from '../actions/dialog.js';
import { ACTION_COMMANDS, planDialog } from '../actions/index.js';
import { targetNames, targetsTitle } from '../actions/kinds.js';
import { dialogInner, fieldSegments, previewLines, textLine, wrapNames } from './dialog-lines.js';
import { Panel, type PanelLine } from './Panel.js';
import { theme } from './theme.js';

/** The prompt's label and syntax line, from the command that opened it. */
function promptOf(ui: PromptUi): { label: string; syntax: string } {
  const command = ACTION_COMMANDS[ui.action];
  return command.opens === 'prompt' ? command.prompt : { label: '', syntax: '' };
}

export function promptLines(ui: PromptUi, width: number): PanelLine[] {
  const inner = dialogInner(width);
  const { label, syntax } = promptOf(ui);
  const lines: PanelLine[] = [{ key: 'input', segments: fieldSegments(label, ui.text, true) }];
  lines.push(textLine('syntax', syntax, theme.muted));
  if (ui.targets.length > 1) {
    wrapNames(targetNames(ui.targets), inner - 4).forEach((l, i) => lines.push(textLine(`on${i}`, `${i === 0 ? 'on: ' : '    '}${l}`)));
  }
  return [...lines, ...previewLines(ui.error, planDialog(ui), width)];
}

export function promptTitle(ui: PromptUi): string {
  return `${ACTION_COMMANDS[ui.action].title} ${targetsTitle(ui.targets)}`;
}

export interface ActionPromptProps {
  ui: PromptUi;
  width: number;
  height: number;
}

export function ActionPrompt({ ui, width, height }: ActionPromptProps) {
  return <Panel title={promptTitle(ui)} width={width} height={height} focused lines={promptLines(ui, width)} />;
}
