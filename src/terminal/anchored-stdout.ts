// Ink 6.8.0's incremental renderer moves the cursor up one line too few before redrawing a frame
// that ends in a newline (every frame shorter than the terminal), so each frame would land one row
// lower than the last. kt owns the whole alternate screen and its frame always starts at the top,
// so every write Ink makes is anchored at the home position: the relative cursor-up that follows
// then stops at row 0, and only the lines that changed are rewritten, as incremental rendering means.
const HOME = '\x1b[H';

export function anchoredStdout(stdout: NodeJS.WriteStream): NodeJS.WriteStream {
  const write = (chunk: unknown, ...rest: unknown[]): boolean =>
    (stdout.write as (c: unknown, ...r: unknown[]) => boolean)(typeof chunk === 'string' ? HOME + chunk : chunk, ...rest);
  return new Proxy(stdout, {
    get(target, prop) {
      if (prop === 'write') return write;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
