import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/app/commands.js';

const kinds: Record<string, string> = { pods: 'pods', po: 'pods', pod: 'pods', deploy: 'deployments', ns: 'namespaces', ds: 'daemonsets' };
const find = (name: string) => (kinds[name] ? { id: kinds[name]! } : undefined);

describe('parseCommand', () => {
  it('resolves kinds and aliases', () => {
    expect(parseCommand('pods', find)).toEqual({ type: 'show', kind: 'pods' });
    expect(parseCommand(' po ', find)).toEqual({ type: 'show', kind: 'pods' });
    expect(parseCommand('deploy kube-system', find)).toEqual({ type: 'show', kind: 'deployments', namespace: 'kube-system' });
    expect(parseCommand('ds all', find)).toEqual({ type: 'show', kind: 'daemonsets', namespace: null });
  });
  it('opens the picker for :ns, switches with :ns <name>', () => {
    expect(parseCommand('ns', find)).toEqual({ type: 'pickNamespace' });
    expect(parseCommand('ns default', find)).toEqual({ type: 'namespace', namespace: 'default' });
    expect(parseCommand('ns -A', find)).toEqual({ type: 'namespace', namespace: undefined });
  });
  it('quits and helps', () => {
    for (const q of ['q', 'quit', 'q!', 'exit']) expect(parseCommand(q, find)).toEqual({ type: 'quit' });
    expect(parseCommand('help', find)).toEqual({ type: 'help' });
    expect(parseCommand('', find)).toEqual({ type: 'none' });
  });
  it('names the unknown resource and what to try', () => {
    expect(parseCommand('foo', find)).toEqual({ type: 'error', text: 'unknown resource "foo": try :pods, :deploy, :svc, :api-resources … (? for help)', unknownKind: 'foo' });
    expect(parseCommand('pods a b', find).type).toBe('error');
  });
});
