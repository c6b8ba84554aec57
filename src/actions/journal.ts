// The session's journal of actions: what was run (as kubectl lines), on what, when, and how it
// ended. Entries are immutable; entries() returns the same array until something changes, so a
// view can read it with useSyncExternalStore.
import type { KubeClient } from '../kube/client.js';
import { namespaceOf, resourceRef } from './kinds.js';
import { appendJournalLine } from './journal-file.js';
import { errorLine, unknownOutcome } from './outcome.js';
import type { ActionOutcome, ActionPlan, PlanVerb } from './types.js';

export interface JournalEntry {
  id: number;
  /** Epoch ms when the action started. */
  time: number;
  action: PlanVerb;
  kubectl: readonly string[];
  /** "deployment.apps/web" per target, with "ns/" in front for namespaced objects. */
  targets: readonly string[];
  /** undefined while the action is running. */
  outcome?: ActionOutcome;
}

export interface Journal {
  record(plan: ActionPlan): JournalEntry;
  settle(id: number, outcome: ActionOutcome): void;
  /** Oldest first. */
  entries(): readonly JournalEntry[];
  /** Called after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export interface JournalOptions {
  /** Oldest entries beyond this are dropped. */
  limit?: number;
  now?: () => number;
  /** Each entry, as it starts and as it ends, is appended to this JSON-lines file (journal-file.ts). */
  file?: string;
}

export function createJournal(options: JournalOptions = {}): Journal {
  const limit = options.limit ?? 500;
  const now = options.now ?? Date.now;
  let list: readonly JournalEntry[] = [];
  let nextId = 1;
  const listeners = new Set<() => void>();
  const changed = (entry: JournalEntry) => {
    if (options.file) appendJournalLine(options.file, entry);
    for (const l of [...listeners]) l();
  };

  return {
    record(plan) {
      const entry: JournalEntry = {
        id: nextId++,
        time: now(),
        action: plan.action,
        kubectl: [...plan.kubectl],
        targets: plan.targets.map((t) => {
          const ns = namespaceOf(t);
          return ns ? `${ns}/${resourceRef(t)}` : resourceRef(t);
        }),
      };
      list = [...list, entry].slice(-limit);
      changed(entry);
      return entry;
    },
    settle(id, outcome) {
      const i = list.findIndex((e) => e.id === id);
      if (i < 0) return;
      const next = [...list];
      const settled = { ...(list[i] as JournalEntry), outcome };
      next[i] = settled;
      list = next;
      changed(settled);
    },
    entries: () => list,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Records the plan, runs it (the user has confirmed), settles the entry; never throws. */
export async function runPlan(plan: ActionPlan, client: KubeClient, journal: Journal, report?: (line: string) => void): Promise<ActionOutcome> {
  const entry = journal.record(plan);
  let outcome: ActionOutcome;
  try {
    outcome = await plan.run(client, report);
  } catch (err) {
    const unknown = unknownOutcome(err, plan.targets.length === 1 ? plan.targets[0] : undefined);
    outcome = unknown ? { ok: false, unknown: true, message: unknown } : { ok: false, message: errorLine(err) };
  }
  journal.settle(entry.id, outcome);
  return outcome;
}
