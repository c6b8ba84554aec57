// kt as one Node single executable application (SEA): an esbuild CommonJS bundle of tsc's output,
// turned into a blob by Node itself, injected with postject into a copy of a Node binary from the
// npm registry. https://nodejs.org/api/single-executable-applications.html
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { inject } from 'postject';
import { buildInfoDefine } from './build-info.mjs';
import { inkWithoutTopLevelAwait, missingModules } from './esbuild-plugins.mjs';

/** The fuse Node's SEA support looks for (Node's docs, "Injecting the preparation blob"). */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/**
 * What bin/kt.js gives node for `npm i -g`: the young generation held at 2 x 8 MB, and the heap
 * grown by 25% between full GCs (BENCHMARKS.md). The first is node's command line (execArgv). The
 * second is set as the bundle starts: on the command line it would change V8's flags from those the
 * code cache was made with, and V8 would reject the cache ("Code cache data rejected").
 */
const EXEC_ARGV = ['--max-semi-space-size=8'];
const HEAP_GROWTH = "require('node:v8').setFlagsFromString('--heap-growing-percent=25');";

/** Bundles dist/cli.js (tsc's output) and every dependency into one CommonJS file. */
export async function bundleCommonJs(outfile) {
  await build({
    entryPoints: ['dist/cli.js'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    legalComments: 'eof',
    logLevel: 'warning',
    // yoga's loader reads import.meta.url only to find a .wasm file it never needs (it is inlined).
    logOverride: { 'empty-import-meta': 'silent' },
    define: { 'process.env.NODE_ENV': '"production"', ...buildInfoDefine() },
    banner: { js: HEAP_GROWTH },
    // As in scripts/bundle.mjs: the userland punycode, not Node's deprecated built-in.
    alias: { punycode: 'punycode/' },
    plugins: [inkWithoutTopLevelAwait(), missingModules(['react-devtools-core', 'bufferutil', 'utf-8-validate', 'encoding'])],
  });
}

/**
 * Makes the blob with `node`, which must be the very Node version of the binary it goes into.
 * A code cache is V8's compiled code for the bundle: only a node of the target's architecture can
 * make it, so a cross-built binary goes without (it compiles at each start, as `node kt.js` does).
 */
export function makeBlob({ node, bundle, blob, codeCache }) {
  const config = `${blob}.json`;
  writeFileSync(
    config,
    JSON.stringify({ main: bundle, output: blob, disableExperimentalSEAWarning: true, useSnapshot: false, useCodeCache: codeCache, execArgv: EXEC_ARGV }, null, 2),
  );
  execFileSync(node, ['--experimental-sea-config', config], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/**
 * Copies `node` to `out`, strips its symbols when `stripTool` is on PATH (about 13 MB less), and
 * injects the blob. Stripping comes first: postject adds the blob as an ELF note that strip would not keep.
 */
export async function makeExecutable({ node, blob, out, stripTool }) {
  copyFileSync(node, out);
  chmodSync(out, 0o755);
  const stripped = strip(stripTool, out);
  await withoutLiefNoteWarnings(() => inject(out, 'NODE_SEA_BLOB', readFileSync(blob), { sentinelFuse: SEA_FUSE }));
  return { stripped };
}

/** binutils' strip for the binary's architecture; without one the binary stays as it is. */
function strip(tool, file) {
  try {
    execFileSync(tool, ['--strip-all', file], { stdio: ['ignore', 'ignore', 'pipe'] });
    return true;
  } catch (err) {
    if (err.code === 'ENOENT') return false;
    throw new Error(`strip ${file} failed: ${err.stderr?.toString().trim() ?? err.message}`);
  }
}

/**
 * LIEF (inside postject) warns "Can't find string offset for section name '.note.100'" a dozen
 * times for node's ELF notes, stripped or not; the binary it writes runs (test/e2e/package.test.ts).
 * postject prints through console.warn, bound when inject() loads it.
 */
async function withoutLiefNoteWarnings(fn) {
  const warn = console.warn;
  console.warn = (...args) => {
    if (!/^warning: Can't find string offset for section name/.test(String(args[0]))) warn(...args);
  };
  try {
    return await fn();
  } finally {
    console.warn = warn;
  }
}
