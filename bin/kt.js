#!/usr/bin/env node
// V8 grows the heap by up to 4x between full GCs; kt's frames allocate a lot of short-lived data,
// so RSS climbed to 300-450 MB on a small cluster. Growing by 25% keeps it near 200 MB for the same
// CPU (npm run bench -- --live; BENCHMARKS.md). Set before anything is allocated.
import { setFlagsFromString } from 'node:v8';
setFlagsFromString('--heap-growing-percent=25');
// React's production build: its development build re-checks every 10,000-row props object.
process.env.NODE_ENV ??= 'production';
// dist/bundle is tsc's output bundled with its dependencies (scripts/bundle.mjs): it starts faster.
await import('../dist/bundle/cli.js');
