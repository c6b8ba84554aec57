// Ink's layout engine, yoga, compiles its WebAssembly as it loads. In Node's ES modules yoga's
// top-level await has done so before `import('ink')` resolves, so there is nothing left to wait for.
// The single binary is a CommonJS bundle, which has no top-level await: its build swaps this module
// for one that loads yoga here (scripts/esbuild-plugins.mjs), so the UI awaits it before it renders.

/** Resolves once Ink can lay out a frame. */
export function layoutEngineReady(): Promise<void> {
  return Promise.resolve();
}
