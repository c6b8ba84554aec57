// Environment fix-ups that must happen before Ink (and chalk) are imported: both read the
// environment once, at module load.

/**
 * - NO_COLOR (https://no-color.org, any non-empty value): chalk 5 ignores it, so set FORCE_COLOR=0,
 *   unless the user set FORCE_COLOR themselves (an explicit choice wins).
 * - CI / CONTINUOUS_INTEGRATION: Ink then draws nothing until exit. kt only runs on a real
 *   terminal, where that mode is never right, so drop them for this process.
 */
export function prepareTerminalEnv(env: Record<string, string | undefined>): void {
  if (env.NO_COLOR && env.FORCE_COLOR === undefined) env.FORCE_COLOR = '0';
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
}

/** True when NO_COLOR asks for no colour. */
export function noColor(env: Record<string, string | undefined>): boolean {
  return Boolean(env.NO_COLOR);
}
