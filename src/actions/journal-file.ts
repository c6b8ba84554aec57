// The journal on disk: one JSON line per entry as it starts and as it ends, appended synchronously,
// so an operator's record of what kt did to the cluster survives a crash or a dropped SSH session.
// Under the XDG state directory: $KT_STATE_DIR, else $XDG_STATE_HOME/kt, else ~/.local/state/kt.
import { appendFileSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export function journalPath(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  const dir = env.KT_STATE_DIR || join(env.XDG_STATE_HOME || join(home, '.local', 'state'), 'kt');
  return join(dir, 'journal.jsonl');
}

/**
 * Appends one line. A file that cannot be written is skipped: the run's journal is still in memory
 * (:journal), and a write to stderr would tear the screen kt draws on.
 */
export function appendJournalLine(file: string, entry: object): void {
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    appendFileSync(file, `${JSON.stringify({ ...entry, pid: process.pid })}\n`, { mode: 0o600 });
  } catch {
    // see above
  }
}
