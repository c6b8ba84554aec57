// `:apply`, `:create` and `:run`: plan (a server-side dry run, nothing applied), show the preview
// in mode `apply`, and run the plan through the journal when the user answers `y`.
import { useCallback, useState } from 'react';
import { planApplyCommand } from '../actions/apply.js';
import { planCreate } from '../actions/create.js';
import { runPlan, type Journal } from '../actions/journal.js';
import type { PreviewPlan } from '../actions/preview.js';
import type { MutatingCommand } from '../app/commands.js';
import type { AppEvent } from '../app/reducer.js';
import type { KubeClient } from '../kube/client.js';

export type Preview = Extract<PreviewPlan, { ok: true }>;

export interface MutateCommandApi {
  preview?: Preview;
  start(verb: MutatingCommand, args: readonly string[], namespace: string | undefined): void;
  confirm(): void;
  cancel(): void;
}

export function useMutateCommand(client: KubeClient | undefined, readonly: boolean, journal: Journal, dispatch: (event: AppEvent) => void): MutateCommandApi {
  const [preview, setPreview] = useState<Preview>();
  const flash = useCallback((text: string, level: 'info' | 'error') => dispatch({ type: 'flash', text, level }), [dispatch]);

  const start = useCallback(
    (verb: MutatingCommand, args: readonly string[], namespace: string | undefined) => {
      if (readonly) return flash(`readonly: :${verb} would change the cluster`, 'error');
      if (!client) return flash(`:${verb} needs a connection to the API server`, 'error');
      flash(`:${verb}: server dry run…`, 'info');
      const planned = verb === 'apply' ? planApplyCommand(client, args, namespace) : planCreate(client, verb, args, namespace);
      void planned.then((result) => {
        if (!result.ok) return flash(result.error, 'error');
        setPreview(result);
        dispatch({ type: 'open', mode: 'apply' });
      });
    },
    [client, readonly, dispatch, flash],
  );

  const cancel = useCallback(() => {
    setPreview(undefined);
    dispatch({ type: 'cancel' });
  }, [dispatch]);

  const confirm = useCallback(() => {
    const plan = preview?.plan;
    cancel();
    if (plan && client) void runPlan(plan, client, journal).then((outcome) => flash(outcome.message, outcome.ok ? 'info' : 'error'));
  }, [preview, client, journal, flash, cancel]);

  return { preview, start, confirm, cancel };
}
