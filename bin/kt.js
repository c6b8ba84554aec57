#!/usr/bin/env node
// React's production build: its development build re-checks every 10,000-row props object.
process.env.NODE_ENV ??= 'production';
await import('../dist/cli.js');
