// kt's entry (bin/kt.js imports the built copy). Parsing, help and the terminal checks are
// light; the UI, with Ink and the Kubernetes client, loads only when it is about to start.
import { main } from './cli/main.js';
import { errorLine } from './terminal/guard.js';

main(process.argv.slice(2), { stdout: process.stdout, stdin: process.stdin, stderr: process.stderr, env: process.env }, async (args) => {
  const { startUi } = await import('./cli/start.js');
  return startUi(args);
}).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${errorLine(err)}\n`);
    if (process.env.KT_DEBUG && err instanceof Error) process.stderr.write(`${err.stack ?? ''}\n`);
    process.exitCode = 1;
  },
);
