import { Text, useInput, type Key } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { keyOfChar, splitKeys } from '../../../src/keys/keypress.js';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** What Ink's own useInput reports for each chunk written on its own. */
async function inkReports(chunks: readonly string[]): Promise<Array<{ input: string; key: Key }>> {
  const seen: Array<{ input: string; key: Key }> = [];
  function Probe() {
    useInput((input, key) => {
      seen.push({ input, key: { ...key } });
    });
    return <Text>probe</Text>;
  }
  const app = render(<Probe />);
  await tick(5);
  for (const c of chunks) {
    app.stdin.write(c);
    await tick(1);
  }
  app.unmount();
  return seen;
}

describe('keyOfChar', () => {
  it('describes every ASCII character but ESC and Ctrl-C as Ink does when it comes alone', async () => {
    const chars = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)).filter((c) => c !== '\u001b' && c !== '\u0003');
    chars.push('é', '→');
    const reported = await inkReports(chars);
    expect(reported).toHaveLength(chars.length);
    chars.forEach((c, i) => expect(keyOfChar(c), JSON.stringify(c)).toEqual(reported[i]));
  });
});

describe('splitKeys', () => {
  const NONE = keyOfChar('a').key;

  it('leaves a single key alone', () => {
    expect(splitKeys('j', NONE)).toEqual([{ input: 'j', key: NONE }]);
    const up = { ...NONE, upArrow: true };
    expect(splitKeys('', up)).toEqual([{ input: '', key: up }]);
  });

  it('splits a run of text into one key per character, Enter and Backspace included', () => {
    const keys = splitKeys(':ns a\r\u007f', NONE);
    expect(keys.map((k) => k.input)).toEqual([':', 'n', 's', ' ', 'a', '\r', '']);
    expect(keys[5]?.key.return).toBe(true);
    expect(keys[6]?.key.backspace).toBe(true);
  });

  it('splits by code point, not UTF-16 unit', () => {
    expect(splitKeys('a😀b', NONE).map((k) => k.input)).toEqual(['a', '😀', 'b']);
  });

  it('keeps what is left of an unnamed escape sequence as one key', () => {
    expect(splitKeys('[25~', NONE)).toHaveLength(1);
    expect(splitKeys('\u001b[200~', NONE)).toHaveLength(1);
  });
});
