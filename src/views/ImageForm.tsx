// The set-image form: the container (a choice when the template has several; init containers
// marked), the new image (the container's current one to start from), and the kubectl command
// Enter runs, or the planner's one-line error. Pure.
import type { ImageUi } from '../actions/dialog.js';
import { planDialog } from '../actions/index.js';
import { targetsTitle } from '../actions/kinds.js';
import { fieldSegments, previewLines, textLine } from './dialog-lines.js';
import { Panel, type PanelLine, type Segment } from './Panel.js';
import { theme } from './theme.js';

export function imageLines(ui: ImageUi, width: number): PanelLine[] {
  const focused = ui.field === 0;
  const head: Segment = { text: ` ${focused ? '>' : ' '} container: `, color: focused ? theme.key : theme.muted, bold: focused };
  const choices: Segment[] = ui.containers.flatMap((c, i) => {
    const chosen = i === ui.container;
    const name = c.init ? `init:${c.name}` : c.name;
    return [...(i > 0 ? [{ text: ' ' }] : []), { text: chosen ? `[${name}]` : ` ${name} `, bold: chosen, inverse: chosen && focused, color: chosen ? undefined : theme.muted }];
  });
  const current = ui.containers[ui.container];
  return [
    { key: 'container', segments: [head, ...choices] },
    { key: 'image', segments: fieldSegments('image:     ', ui.image, ui.field === 1) },
    textLine('now', `now: ${current?.image || '(none)'}   tab: field  ←/→: container`, theme.muted),
    ...previewLines(ui.error, planDialog(ui), width),
  ];
}

export interface ImageFormProps {
  ui: ImageUi;
  width: number;
  height: number;
}

export function ImageForm({ ui, width, height }: ImageFormProps) {
  return <Panel title={`Set image of ${targetsTitle(ui.targets)}`} width={width} height={height} focused lines={imageLines(ui, width)} />;
}
