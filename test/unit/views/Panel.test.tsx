import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { Panel } from '../../../src/views/Panel.js';

describe('Panel', () => {
  it('draws the title over its top border and lines with wide characters at full width', () => {
    const lines = [
      { key: 'a', segments: [{ text: ' web-1  250m  ' }, { text: '▁▂▄█', color: 'cyan' }, { text: '  –  10.0.0.1' }] },
      { key: 'b', segments: [{ text: ' web-2  ascii only' }] },
    ];
    const { lastFrame, unmount } = render(<Panel title="Pods(default)[2]" width={40} height={5} focused lines={lines} />);
    const frame = (lastFrame() ?? '').split('\n');
    unmount();
    expect(frame).toEqual([
      '╔═ Pods(default)[2] ═══════════════════╗',
      '║ web-1  250m  ▁▂▄█  –  10.0.0.1       ║',
      '║ web-2  ascii only                    ║',
      '║                                      ║',
      '╚══════════════════════════════════════╝',
    ]);
  });

  it('cuts a title too long for the border and keeps the corners', () => {
    const { lastFrame, unmount } = render(<Panel title="Pods(all)[10209] </nginx>" width={20} height={3} focused={false} lines={[]} />);
    const top = (lastFrame() ?? '').split('\n')[0];
    unmount();
    expect(top).toBe('┌─ Pods(all)[1020… ┐');
  });
});
