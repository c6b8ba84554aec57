#!/bin/sh
":" //; exec node --max-semi-space-size=8 "$0" "$@"
// Line 2 is for sh, which runs `kt` (the npm bin link) first: it re-runs this file under node with
// V8's young generation held at 2 x 8 MB instead of 2 x 16 MB, about 20 MB less RSS at 10,000
// pods (BENCHMARKS.md, item 24). V8 fixes that size when it makes the heap, so only node's command line can
// set it. To node, line 2 is a string and a comment; `node bin/kt.js` runs without it.
//
// V8 grows the heap by up to 4x between full GCs; kt's frames allocate a lot of short-lived data,
// so RSS climbed to 300-450 MB on a small cluster. Growing by 25% keeps it near 200 MB for the same
// CPU (npm run bench -- --live; BENCHMARKS.md). This one V8 reads at each GC: set before anything is allocated.
import nodeModule from 'node:module';
import { setFlagsFromString } from 'node:v8';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 19)) {
  process.stderr.write(`kt: needs Node >= 22.19, but this is Node ${process.versions.node}; install Node 24 LTS, or use the kt binary, which brings its own.\n`);
  process.exit(1);
}
setFlagsFromString('--heap-growing-percent=25');
// Node keeps the bundle's compiled code on disk (in its tmpdir cache), so a second start skips the compile.
nodeModule.enableCompileCache();
// React's production build: its development build re-checks every 10,000-row props object.
process.env.NODE_ENV ??= 'production';
// dist/bundle is tsc's output bundled with its dependencies (scripts/bundle.mjs): it starts faster.
await import('../dist/bundle/cli.js');
