// The editor for `e`, with the terminal handed over through Ink (see terminal/handover.ts).
import { useApp } from 'ink';
import { useMemo } from 'react';
import type { OpenEditor } from '../actions/edit.js';
import { runEditor } from '../terminal/editor.js';
import { handOver } from '../terminal/handover.js';

export function useEditor(): OpenEditor {
  const { suspendTerminal } = useApp();
  return useMemo(() => (path: string) => handOver(suspendTerminal, process.stdout, () => runEditor(process.env, path)), [suspendTerminal]);
}
