// The preview of `:apply`, `:create` and `:run`: per object what the server's dry run says
// (created / configured / unchanged, the fields that change) or the object to create, then the
// question. `y` applies; any other key cancels.
import { useKeymap } from '../hooks/useKeymap.js';
import type { Preview } from '../hooks/useMutateCommand.js';
import { Panel, type PanelLine, type Segment } from './Panel.js';
import { theme } from './theme.js';

export interface ApplyPreviewProps {
  preview: Preview;
  width: number;
  height: number;
  active: boolean;
  onConfirm(): void;
  onCancel(): void;
}

function colourOf(line: string): Segment {
  const t = line.trimStart();
  if (t.startsWith('+ ')) return { text: line, color: theme.info };
  if (t.startsWith('- ')) return { text: line, color: theme.error };
  if (t.startsWith('~ ')) return { text: line, color: theme.warning };
  if (/ (created|configured)( |$)/.test(line)) return { text: line, bold: true };
  return { text: line };
}

export function previewLines(preview: Preview, rows: number): PanelLine[] {
  const room = Math.max(1, rows - 2);
  const shown = preview.preview.length > room ? [...preview.preview.slice(0, room - 1), `… ${preview.preview.length - room + 1} more line(s): make the terminal taller`] : preview.preview;
  return [
    ...shown.map((l, i) => ({ key: `p${i}`, segments: [colourOf(l)] })),
    { key: 'kubectl', segments: [{ text: preview.plan.kubectl.join('; '), color: theme.muted }] },
    { key: 'answer', segments: [{ text: ' y', color: theme.key, bold: true }, { text: ` to ${preview.question}; any other key cancels` }] },
  ];
}

export function ApplyPreview({ preview, width, height, active, onConfirm, onCancel }: ApplyPreviewProps) {
  useKeymap(['confirm'], { onCommand: (id) => (id === 'confirm.yes' ? onConfirm() : onCancel()), onText: () => onCancel() }, active);
  return <Panel title={`${preview.title}?`} width={width} height={height} focused lines={previewLines(preview, Math.max(0, height - 2))} />;
}
