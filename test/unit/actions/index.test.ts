import { describe, expect, it } from 'vitest';
import { appliesTo, notApplicable, type ActionCommand, type PromptCommand } from '../../../src/actions/command.js';
import { describeAction } from '../../../src/actions/describe.js';
import { scaleAction } from '../../../src/actions/scale.js';
import type { ActionId } from '../../../src/actions/types.js';
import { ACTION_BINDINGS } from '../../../src/keys/action-bindings.js';
import { ACTION_COMMANDS, ACTION_LIST, actionsFor, bindingIdOf } from '../../../src/actions/index.js';
import { findKind, KINDS } from '../../../src/kinds/registry.js';
import { matchBinding } from '../../../src/keys/match.js';
import { BINDINGS } from '../../../src/keys/bindings.js';
import type { Key } from 'ink';

describe('the action registry', () => {
  it('offers each kind its actions in a stable order', () => {
    expect(actionsFor('deployments')).toEqual(['describe', 'yaml', 'logs', 'previousLogs', 'portForward', 'scale', 'restart', 'edit', 'image', 'delete', 'label', 'expose']);
    expect(actionsFor('nodes')).toEqual(['describe', 'yaml', 'cordon', 'uncordon', 'drain', 'edit', 'delete', 'label', 'taint']);
    expect(actionsFor('pods')).toEqual(['describe', 'yaml', 'logs', 'previousLogs', 'shell', 'attach', 'portForward', 'edit', 'delete', 'label', 'expose']);
    expect(actionsFor('services')).toEqual(['describe', 'yaml', 'logs', 'previousLogs', 'portForward', 'edit', 'delete', 'label', 'expose']);
    expect(actionsFor('statefulsets')).toEqual(['describe', 'yaml', 'logs', 'previousLogs', 'scale', 'restart', 'edit', 'image', 'delete', 'label']);
    expect(actionsFor('replicationcontrollers')).toEqual(['describe', 'yaml', 'scale', 'edit', 'delete', 'label', 'expose']);
    expect(actionsFor('events')).toEqual(['describe', 'yaml', 'edit', 'delete', 'label']);
  });

  it('every kind in the registry can be described, deleted and labeled', () => {
    for (const k of KINDS) for (const a of ['describe', 'delete', 'edit', 'label'] as const) expect(appliesTo(ACTION_COMMANDS[a], k.id)).toBe(true);
  });

  it('taint is for nodes only; daemonsets cannot be scaled or exposed', () => {
    expect(appliesTo(ACTION_COMMANDS.taint, 'pods')).toBe(false);
    expect(appliesTo(ACTION_COMMANDS.scale, 'daemonsets')).toBe(false);
    expect(appliesTo(ACTION_COMMANDS.expose, 'daemonsets')).toBe(false);
  });

  it('names the RBAC verb each action needs', () => {
    expect(ACTION_COMMANDS.scale.access).toEqual({ verb: 'update', subresource: 'scale' });
    expect(ACTION_COMMANDS.expose.access).toEqual({ verb: 'create', resource: 'services' });
    expect(ACTION_COMMANDS.edit.access).toEqual({ verb: 'update' });
    expect(ACTION_COMMANDS.logs.access).toEqual({ verb: 'get', resource: 'pods', subresource: 'log' });
    expect(ACTION_COMMANDS.describe.mutating).toBe(false);
    expect(ACTION_LIST.filter((a) => a.mutating).map((a) => a.id)).toEqual(['shell', 'attach', 'portForward', 'scale', 'restart', 'cordon', 'uncordon', 'drain', 'edit', 'image', 'undo', 'delete', 'label', 'taint', 'expose']);
    expect(ACTION_COMMANDS.drain.access).toEqual({ verb: 'create', resource: 'pods', subresource: 'eviction' });
  });

  it('each command is registered under its own id, and its key binding comes from it', () => {
    for (const [id, command] of Object.entries(ACTION_COMMANDS)) expect(command.id).toBe(id);
    for (const command of ACTION_LIST) {
      const binding = ACTION_BINDINGS.find((b) => b.id === bindingIdOf(command.id));
      expect(binding).toMatchObject({ keys: command.keys, description: command.description, scope: command.mutating ? 'action' : 'pane' });
    }
  });
});

describe('one key, several actions: the kind decides', () => {
  const key = {} as Key;
  const on = (kindId: string, input: string) => {
    const spec = findKind(kindId);
    return matchBinding(['pane', 'action'], input, key, BINDINGS, (id) => {
      const command = ACTION_LIST.find((c) => bindingIdOf(c.id) === id);
      return !command || (spec !== undefined && command.appliesTo(spec));
    })?.id;
  };

  it('r drains a node and restarts a Deployment; x exposes a Deployment', () => {
    expect(on('nodes', 'r')).toBe('action.drain');
    expect(on('deployments', 'r')).toBe('action.restart');
    expect(on('deployments', 'x')).toBe('action.expose');
    // No kind here takes r: the first binding answers, and its action says where it applies.
    expect(on('pods', 'r')).toBe('action.restart');
  });
});

describe('the registry is typed', () => {
  it('an action id without its command, or a command without its plan, does not compile (npm run typecheck)', () => {
    // @ts-expect-error every ActionId needs its command: none is left inert
    const partial: { readonly [K in ActionId]: ActionCommand<K> } = { describe: describeAction };
    // @ts-expect-error a prompt command needs its plan
    const broken: PromptCommand<'scale'> = { ...scaleAction, plan: undefined };
    expect(Object.keys(partial)).toEqual(['describe']);
    expect(broken.plan).toBeUndefined();
  });
});

describe('unknown kinds', () => {
  it('no action applies to a kind kt does not know, and every planner says so', async () => {
    const { planDelete } = await import('../../../src/actions/delete.js');
    const { planLabel } = await import('../../../src/actions/label.js');
    expect(actionsFor('widgets')).toEqual([]);
    const widget = { kind: 'widgets', name: 'w', object: { metadata: { name: 'w' } } };
    const error = 'cannot delete widgets: kt does not know that kind';
    expect(notApplicable(ACTION_COMMANDS.delete, 'widgets')).toBe(error);
    expect(planDelete([widget], { gracePeriod: '', force: false })).toEqual({ ok: false, error });
    expect(planLabel([widget], 'a=1')).toEqual({ ok: false, error: 'cannot label widgets: kt does not know that kind' });
  });
});
