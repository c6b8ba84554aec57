// kt's entry logic up to the point where the UI starts. Everything here works without a
// cluster or a terminal; the heavy modules (Ink, React, the Kubernetes client) load only after.
import { ArgsError, parseArgs, type CliArgs } from './args.js';
import { helpText, versionText } from './help.js';
import { prepareTerminalEnv } from '../terminal/env.js';

export interface MainIO {
  stdout: { write(data: string): unknown; isTTY?: boolean };
  stdin: { isTTY?: boolean };
  stderr: { write(data: string): unknown };
  env: Record<string, string | undefined>;
}

/** Starts the UI; resolves with an exit code only when it did not start (the UI exits itself). */
export type StartUi = (args: CliArgs) => Promise<number | undefined>;

export const NOT_A_TERMINAL =
  'kt: stdout is not a terminal; run kt in an interactive terminal (for scripts use kubectl)';
export const STDIN_NOT_A_TERMINAL =
  'kt: stdin is not a terminal; run kt in an interactive terminal (for scripts use kubectl)';

/**
 * Returns the exit code when kt is done before the UI (help, version, bad flags, no terminal),
 * or undefined once the UI runs.
 */
export async function main(argv: readonly string[], io: MainIO, startUi: StartUi): Promise<number | undefined> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof ArgsError)) throw err;
    io.stderr.write(`${err.message}\n`);
    return 1;
  }
  if (args.help) {
    io.stdout.write(helpText());
    return 0;
  }
  if (args.version) {
    io.stdout.write(versionText());
    return 0;
  }
  if (!io.stdout.isTTY) {
    io.stderr.write(`${NOT_A_TERMINAL}\n`);
    return 2;
  }
  if (!io.stdin.isTTY) {
    io.stderr.write(`${STDIN_NOT_A_TERMINAL}\n`);
    return 2;
  }
  prepareTerminalEnv(io.env);
  return startUi(args);
}
