// Ink's layout engine (yoga's WebAssembly loader) checks `typeof fetch` while it loads. In Node
// that reads a lazy global whose first use loads undici, 30-50 ms of startup on a 2-core machine,
// for nothing: the WebAssembly is inlined and kt never calls fetch.

/** Runs `load` with globalThis.fetch hidden, then puts the original back as it was. */
export async function withoutGlobalFetch<T>(load: () => Promise<T>): Promise<T> {
  const original = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (!original?.configurable) return load();
  Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return await load();
  } finally {
    Object.defineProperty(globalThis, 'fetch', original);
  }
}
