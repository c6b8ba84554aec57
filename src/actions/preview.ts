// What `:apply`, `:create` and `:run` show before they send anything: lines to read, a title,
// the question for `y`, and the plan that runs on `y`.
import type { ActionPlan } from './types.js';

export type PreviewPlan = { ok: true; title: string; preview: readonly string[]; question: string; plan: ActionPlan } | { ok: false; error: string };
