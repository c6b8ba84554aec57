// One stdin chunk → the keys in it. Ink already cuts escape sequences (arrows, PgUp, shift-tab)
// out of a chunk, but hands a run of plain characters (a paste, a fast typist over SSH, tmux
// send-keys) to useInput as one `input` string. Here that run becomes one key per character, each
// described exactly as Ink would describe that character pressed on its own.
import type { Key } from 'ink';

export interface KeyPress {
  input: string;
  key: Key;
}

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/** What Ink's useInput reports for one character (never ESC: Ink cuts escapes out of text runs). */
export function keyOfChar(char: string): KeyPress {
  const key: Key = { ...NO_KEY };
  const code = char.codePointAt(0) ?? 0;
  switch (char) {
    case '\r':
      return { input: char, key: { ...key, return: true } };
    case '\n': // Ink names it "enter" but does not set key.return
      return { input: char, key };
    case '\t':
      return { input: '', key: { ...key, tab: true } };
    case '\b':
    case '\u007f': // DEL, what most terminals send for Backspace
      return { input: '', key: { ...key, backspace: true } };
    case '\u0000':
      return { input: ' ', key: { ...key, ctrl: true } }; // Ctrl-Space
  }
  // Ctrl-A..Z, then Ctrl-\ ] ^ _ (0x1c-0x1f), which Ink names by their character.
  if (code <= 0x1a) return { input: String.fromCharCode(code + 0x60), key: { ...key, ctrl: true } };
  if (code <= 0x1f) return { input: String.fromCharCode(code + 0x40), key: { ...key, ctrl: true } };
  return { input: char, key: /^[A-Z]$/.test(char) ? { ...key, shift: true } : key };
}

/**
 * What is left of an unnamed CSI sequence once Ink strips its ESC ("[25~" for F13): one key, not
 * text, so "2" and "5" are not taken as favourite namespaces.
 */
const STRIPPED_CSI = /^\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]$/;

/** The keys in what one useInput call reported: usually just that key, or one per character of a run of text. */
export function splitKeys(input: string, key: Key): KeyPress[] {
  const chars = [...input];
  if (chars.length <= 1 || input.includes('\u001b') || STRIPPED_CSI.test(input)) return [{ input, key }];
  return chars.map(keyOfChar);
}
