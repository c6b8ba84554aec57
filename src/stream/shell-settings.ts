// The command `s` runs in a container, from the config file's top-level `shell`:
//   {"shell": {"command": ["/bin/zsh", "-l"]}}
// By default bash where the image has it, else sh (k9s's check). A bad value is named in one
// warning line at startup and the default is used.
import type { SessionRequest } from './exec.js';

export interface ShellSettings {
  command: readonly string[];
}

export const BASH_OR_SH = 'command -v bash >/dev/null && exec bash || exec sh';
export const DEFAULT_SHELL: ShellSettings = { command: ['sh', '-c', BASH_OR_SH] };

export function resolveShellSettings(raw: unknown, path: string): { settings: ShellSettings; warning?: string } {
  if (raw === undefined) return { settings: DEFAULT_SHELL };
  const command = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>).command : undefined;
  const extra = typeof raw === 'object' && raw !== null ? Object.keys(raw).filter((k) => k !== 'command') : [];
  if (!Array.isArray(command) || command.length === 0 || !command.every((c): c is string => typeof c === 'string' && c !== '') || extra.length > 0) {
    return { settings: DEFAULT_SHELL, warning: `kt: ignoring "shell" in ${path}: want {"command": ["bash"]} (a non-empty list of words); using bash, else sh` };
  }
  return { settings: { command } };
}

/** A word as a POSIX shell reads it back: bare when it is safe, else single-quoted. */
export function shellWord(word: string): string {
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The session as kubectl would open it, for the journal: never what is typed in it. */
export function sessionKubectl(req: SessionRequest): string {
  const where = `-n ${req.namespace} ${req.pod} -c ${req.container}`;
  if (req.type === 'attach') return `kubectl attach${req.stdin ? (req.tty ? ' -it' : ' -i') : ''} ${where}`;
  return `kubectl exec -it ${where} -- ${req.command.map(shellWord).join(' ')}`;
}
