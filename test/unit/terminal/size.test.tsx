import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { createScreen } from '../../../src/terminal/screen.js';
import { Sized } from '../../../src/terminal/size.js';
import { FakeIn, FakeOut } from './fakes.js';

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe('Sized', () => {
  it('re-renders its children with the new size after a resize', async () => {
    const out = new FakeOut();
    const screen = createScreen(out, new FakeIn());
    const { lastFrame, unmount } = render(<Sized source={screen}>{(s) => <Text>{`${s.columns}x${s.rows}`}</Text>}</Sized>);
    expect(lastFrame()).toBe('100x30');
    out.resize(132, 43);
    await until(() => lastFrame() === '132x43');
    expect(lastFrame()).toBe('132x43');
    unmount();
  });
});
