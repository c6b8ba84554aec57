// Reading kt's screen in end-to-end tests: a pane's text, the names in its first column, the header.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { kubeconfigPath, kubectlPath } from './sandbox.js';

/** The text of the pane whose title matches `title`, up to its bottom border. */
export function pane(screen: string, title: RegExp): string {
  const all = screen.split('\n');
  const start = all.findIndex((l) => title.test(l));
  if (start < 0) return '';
  const end = all.findIndex((l, i) => i > start && /^[└╚]/.test(l));
  return all.slice(start, end < 0 ? undefined : end + 1).join('\n');
}

/** The NAME column of a pane's rows (the column after NAMESPACE when the pane has one), sorted. */
export function paneNames(screen: string, title: RegExp): string[] {
  const lines = pane(screen, title).split('\n').slice(1, -1);
  const head = lines.findIndex((l) => /\bNAME/.test(l));
  if (head < 0) return [];
  const withNs = /NAMESPACE/.test(lines[head] ?? '');
  return lines
    .slice(head + 1)
    .map((l) => l.replace(/^[│║]\s?[>* ]?/, '').replace(/\s*[│║]$/, '').trim().split(/\s+/))
    .filter((cells) => cells.length > (withNs ? 1 : 0) && cells[0] !== '' && !/^(loading|reconnecting|error|forbidden|no )/.test(cells[0] ?? ''))
    .map((cells) => (withNs ? `${cells[0]}/${cells[1]}` : (cells[0] as string)))
    .sort();
}

/** The header's connection state: the text after "● " up to the next two spaces. */
export function headerState(screen: string): string {
  return /● (.*?)(?: {2}|$)/m.exec(screen)?.[1] ?? '';
}

/** What kubectl sees: `namespace/name` (or `name` for a cluster-scoped kind), sorted. */
export async function kubectlNames(resource: string, args: readonly string[] = ['-A'], kubeconfig = kubeconfigPath): Promise<string[]> {
  const columns = args.includes('-A') ? 'NS:.metadata.namespace,NAME:.metadata.name' : 'NAME:.metadata.name';
  const { stdout } = await promisify(execFile)(kubectlPath(), ['--kubeconfig', kubeconfig, 'get', resource, ...args, '--no-headers', '-o', `custom-columns=${columns}`]);
  return stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => l.trim().split(/\s+/).join('/'))
    .sort();
}
