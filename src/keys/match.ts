// Turns what Ink's useInput reports (input, key) into command ids from the bindings data.
import type { Key } from 'ink';
import { activeBindings, type Binding, type CommandId, type Scope } from './bindings.js';

type KeyTest = (input: string, key: Key) => boolean;

const NAMED: Record<string, KeyTest> = {
  enter: (_, k) => k.return,
  esc: (_, k) => k.escape,
  tab: (_, k) => k.tab && !k.shift,
  up: (_, k) => k.upArrow,
  down: (_, k) => k.downArrow,
  left: (_, k) => k.leftArrow && !k.shift,
  right: (_, k) => k.rightArrow && !k.shift,
  'shift+left': (_, k) => k.leftArrow && k.shift,
  'shift+right': (_, k) => k.rightArrow && k.shift,
  pgup: (_, k) => k.pageUp,
  pgdn: (_, k) => k.pageDown,
  home: (_, k) => k.home,
  end: (_, k) => k.end,
  backspace: (_, k) => k.backspace,
  space: (input, k) => input === ' ' && !k.ctrl && !k.meta,
};

/** Whether a key spec from the bindings or the config names a key kt can match. */
export function isKeySpec(spec: string): boolean {
  if (spec in NAMED || spec === 'shift+tab') return true;
  if (spec.startsWith('ctrl+')) return spec.length === 'ctrl+'.length + 1;
  return [...spec].length === 1 && spec >= '!' && spec !== '\u007f';
}

function compile(spec: string): KeyTest {
  const named = NAMED[spec];
  if (named) return named;
  if (spec === 'shift+tab') return (_, k) => k.tab && k.shift;
  if (spec.startsWith('ctrl+')) {
    const letter = spec.slice('ctrl+'.length);
    return (input, k) => k.ctrl && input === letter;
  }
  return (input, k) => input === spec && !k.ctrl && !k.meta;
}

const compiled = new Map<string, KeyTest>();

/** Whether one key spec ("j", "N", "ctrl+f", "shift+tab", "shift+left", "pgdn") matches the key pressed. */
export function keyMatches(spec: string, input: string, key: Key): boolean {
  let test = compiled.get(spec);
  if (!test) {
    test = compile(spec);
    compiled.set(spec, test);
  }
  return test(input, key);
}

/** Of several bindings on one key, whether this one fits what is on screen (the row's kind). */
export type Prefer = (id: CommandId) => boolean;

/**
 * The binding the key pressed matches, trying the scopes in the order given. When several match
 * (actions for different kinds on one key), the first that `prefer` accepts wins, else the first.
 */
export function matchBinding(
  scopes: readonly Scope[],
  input: string,
  key: Key,
  bindings: readonly Binding[] = activeBindings(),
  prefer?: Prefer,
): Binding | undefined {
  let first: Binding | undefined;
  for (const scope of scopes) {
    for (const b of bindings) {
      if (b.scope !== scope || !b.keys.some((spec) => keyMatches(spec, input, key))) continue;
      if (!prefer || prefer(b.id)) return b;
      first ??= b;
    }
  }
  return first;
}

export function matchCommand(scopes: readonly Scope[], input: string, key: Key, prefer?: Prefer): CommandId | undefined {
  return matchBinding(scopes, input, key, activeBindings(), prefer)?.id;
}

/** Printable text typed (or pasted), for the command/filter lines; undefined for control keys. */
export function typedText(input: string, key: Key): string | undefined {
  if (key.ctrl || key.meta || key.return || key.escape || key.tab || key.backspace || key.delete) return undefined;
  if (!input) return undefined;
  // Drop control characters a paste may carry (newlines, escapes).
  const text = [...input].filter((c) => c >= ' ' && c !== '\u007f').join('');
  return text || undefined;
}

/** k9s-style label for a key spec: "<ctrl-f>", "<shift-n>", "<enter>". */
export function formatKey(spec: string): string {
  if (spec.length === 1 && /[A-Z]/.test(spec)) return `<shift-${spec.toLowerCase()}>`;
  return spec.length > 1 ? `<${spec.replace('+', '-')}>` : `<${spec}>`;
}

/** All keys of a binding, compacting the digit range: "<1>…<9>" becomes "<1-9>". */
export function formatKeys(binding: Binding): string {
  if (binding.keys.length === 9 && binding.keys[0] === '1' && binding.keys[8] === '9') return '<1-9>';
  if (binding.keys.length === 0) return '(unbound)';
  return binding.keys.map(formatKey).join(' ');
}
