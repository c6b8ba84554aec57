// The user's editor, found as kubectl finds it ($KUBE_EDITOR, else $EDITOR, else vi) and run
// on a file with the terminal inherited. An editor given with arguments ("code --wait") runs
// through the shell, as kubectl does. spawnSync on purpose: while the editor runs, kt's event
// loop stands still, so nothing of kt reads the keyboard or draws.
import { spawnSync } from 'node:child_process';

export type EditorResult = { ok: true } | { ok: false; error: string };

export interface EditorCommand {
  /** As the user gave it ("vi", "code --wait"). */
  editor: string;
  command: string;
  args: readonly string[];
}

export function editorCommand(env: Record<string, string | undefined>, path: string): EditorCommand {
  const editor = (env.KUBE_EDITOR?.trim() || env.EDITOR?.trim() || 'vi').trim();
  if (!/\s/.test(editor)) return { editor, command: editor, args: [path] };
  const quoted = `'${path.replace(/'/g, `'\\''`)}'`;
  return { editor, command: env.SHELL?.trim() || '/bin/sh', args: ['-c', `${editor} ${quoted}`] };
}

type Spawn = (command: string, args: readonly string[], options: { stdio: 'inherit' }) => { error?: Error; status: number | null; signal: NodeJS.Signals | null };

export function runEditor(env: Record<string, string | undefined>, path: string, spawn: Spawn = spawnSync): EditorResult {
  const { editor, command, args } = editorCommand(env, path);
  const result = spawn(command, args, { stdio: 'inherit' });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    return { ok: false, error: `cannot start the editor "${editor}" (${code ?? result.error.message}): set $KUBE_EDITOR or $EDITOR; nothing was sent` };
  }
  if (result.signal) return { ok: false, error: `the editor "${editor}" was stopped by ${result.signal}; nothing was sent` };
  if (result.status !== 0) return { ok: false, error: `the editor "${editor}" exited with status ${result.status}; nothing was sent` };
  return { ok: true };
}
