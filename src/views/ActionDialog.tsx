// The open action prompt or dialog (state.dialog): picks the view and takes its keys — the
// `prompt` scope for the text prompts and the expose form, `confirm` for confirmations.
import type { Dispatch } from 'react';
import type { DialogState } from '../actions/dialog.js';
import type { Layout } from '../app/layout.js';
import { PANE_CHROME } from '../app/layout.js';
import type { AppEvent } from '../app/reducer.js';
import { useKeymap } from '../hooks/useKeymap.js';
import type { CommandId } from '../keys/bindings.js';
import { drainAccepts } from '../app/dialog-state.js';
import { ActionPrompt, promptLines } from './ActionPrompt.js';
import { ConfirmDialog, confirmLines } from './ConfirmDialog.js';
import { DrainDialog, drainLines } from './DrainDialog.js';
import { ImageForm, imageLines } from './ImageForm.js';
import { ExposeForm, exposeLines } from './ExposeForm.js';
import { StreamForm, streamLines } from './StreamForm.js';

/** Lines the dialog wants, borders included. */
export function dialogHeight(ui: DialogState, width: number): number {
  const lines =
    ui.type === 'prompt' ? promptLines(ui, width) : ui.type === 'expose' ? exposeLines(ui, width) : ui.type === 'stream' ? streamLines(ui, width) : ui.type === 'drain' ? drainLines(ui, width) : ui.type === 'image' ? imageLines(ui, width) : confirmLines(ui, width);
  return lines.length + 2;
}

/** Below the dialog only the focused pane stays, in what is left of the body (if a row fits). */
export function layoutWithDialog(layout: Layout, focus: number, dialog: number): Layout {
  if (dialog <= 0) return layout;
  const rest = layout.bodyHeight - dialog;
  return { ...layout, indicator: false, panes: rest > PANE_CHROME ? [{ index: focus, height: rest }] : [] };
}

export interface ActionDialogProps {
  ui: DialogState;
  width: number;
  height: number;
  active: boolean;
  dispatch: Dispatch<AppEvent>;
  /** Enter in a prompt: plan, then confirm or apply (useActions). */
  onSubmit(): void;
  /** `y` in a confirmation (useActions). */
  onConfirm(): void;
}

const DIGITS = /^[0-9]+$/;

export function ActionDialog({ ui, width, height, active, dispatch, onSubmit, onConfirm }: ActionDialogProps) {
  const prompt = ui.type === 'prompt' || ui.type === 'expose' || ui.type === 'stream' || ui.type === 'image';
  const cancel = () => dispatch({ type: 'dialogClose', applied: false });

  function onPromptCommand(id: CommandId): void {
    if (id === 'prompt.submit') onSubmit();
    else if (id === 'prompt.cancel') cancel();
    else if (id === 'prompt.delete') dispatch({ type: 'dialogDeleteChar' });
    else if (id === 'prompt.next' || id === 'prompt.prev') dispatch({ type: 'dialogField', delta: id === 'prompt.next' ? 1 : -1 });
    else if (id === 'prompt.choiceNext' || id === 'prompt.choicePrev') dispatch({ type: 'dialogChoice', delta: id === 'prompt.choiceNext' ? 1 : -1 });
  }

  function onConfirmCommand(id: CommandId): void {
    // A running drain: only Esc (or n), which hides it; the run goes on.
    if (ui.progress) return id === 'confirm.no' ? cancel() : undefined;
    if (id === 'confirm.yes') return onConfirm();
    // Only the delete and drain dialogs have fields; anywhere else every other key cancels.
    if ((ui.type !== 'delete' && ui.type !== 'drain') || id === 'confirm.no') return cancel();
    if (id === 'confirm.next' || id === 'confirm.prev') dispatch({ type: 'dialogField', delta: id === 'confirm.next' ? 1 : -1 });
    else if (id === 'confirm.toggle') dispatch({ type: 'dialogChoice', delta: 1 });
    else if (id === 'confirm.delete') dispatch({ type: 'dialogDeleteChar' });
  }

  useKeymap(
    prompt ? ['prompt'] : ['confirm'],
    {
      onCommand: (id) => (prompt ? onPromptCommand(id) : onConfirmCommand(id)),
      onText(text) {
        if (prompt) dispatch({ type: 'dialogType', text });
        else if (ui.progress) return;
        else if (ui.type === 'delete' && ui.field === 0 && DIGITS.test(text)) dispatch({ type: 'dialogType', text });
        else if (ui.type === 'drain' && drainAccepts(ui, text)) dispatch({ type: 'dialogType', text });
        else cancel();
      },
    },
    active,
  );

  if (ui.type === 'prompt') return <ActionPrompt ui={ui} width={width} height={height} />;
  if (ui.type === 'expose') return <ExposeForm ui={ui} width={width} height={height} />;
  if (ui.type === 'stream') return <StreamForm ui={ui} width={width} height={height} />;
  if (ui.type === 'drain') return <DrainDialog ui={ui} width={width} height={height} />;
  if (ui.type === 'image') return <ImageForm ui={ui} width={width} height={height} />;
  return <ConfirmDialog ui={ui} width={width} height={height} />;
}
