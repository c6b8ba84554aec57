// Bundles dist/cli.js (tsc's output) and its dependencies into dist/bundle/, which bin/kt.js loads.
// A few files start faster and smaller than ~3,000 modules (client-node alone is ~2,500 generated
// files): esbuild drops what kt never reaches, and Node resolves and compiles a few files once.
// kt's dynamic imports stay lazy (split into chunks), so --help still loads no UI.
// The dependencies stay the ones package-lock.json pins; only their packaging changes.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { buildInfoDefine } from './build-info.mjs';
import { missingModules } from './esbuild-plugins.mjs';

rmSync('dist/bundle', { recursive: true, force: true }); // chunk names change with their content

await build({
  entryPoints: ['dist/cli.js'],
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node22',
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
  // React and Ink pick their production builds from NODE_ENV; bin/kt.js sets it too.
  // The version and commit are built in (scripts/build-info.mjs).
  define: { 'process.env.NODE_ENV': '"production"', ...buildInfoDefine() },
  // CommonJS dependencies call require() for Node's built-ins.
  banner: { js: "import { createRequire as __ktRequire } from 'node:module'; const require = __ktRequire(import.meta.url);" },
  // tr46 (client-node -> node-fetch@2) requires Node's deprecated built-in punycode, which prints
  // DEP0040 on Node >= 22; the userland package of the same code and API does not.
  alias: { punycode: 'punycode/' },
  // Ink loads react-devtools-core only when DEV=true; without it Ink prints how to install it.
  plugins: [missingModules(['react-devtools-core'])],
});
