// The `:` command line: `:pods`, `:deploy kube-system`, `:ns`, `:ns default`, `:q`, `:help`, `:journal`,
// `:api-resources`, `:ctx`, `:ctx NAME`, `:pf` (the port-forwards), and the mutating `:apply -f PATH`, `:create deployment …`,
// `:run …` (parsed by their actions). Resource names go through the registry's lookup (every name kubectl accepts).

export type CommandResult =
  | { type: 'none' }
  | { type: 'show'; kind: string; namespace?: string | null }
  | { type: 'pickNamespace' }
  | { type: 'namespace'; namespace: string | undefined }
  | { type: 'help' }
  | { type: 'prom' }
  | { type: 'journal' }
  | { type: 'forwards' }
  | { type: 'mutate'; verb: MutatingCommand; args: string[] }
  | { type: 'apiResources' }
  | { type: 'pickContext' }
  | { type: 'context'; name: string }
  /** `:rollout history NAME`: the Deployment's revisions in the current namespace. */
  | { type: 'rollout'; name: string }
  | { type: 'quit' }
  /** `unknownKind`: the name no kind answers to (the command line may wait for discovery's first answer). */
  | { type: 'error'; text: string; unknownKind?: string };

/** What the parser needs from the registry. */
export type KindLookup = (nameOrAlias: string) => { id: string } | undefined;

export type MutatingCommand = 'apply' | 'create' | 'run';
const MUTATING = new Set<string>(['apply', 'create', 'run']);
const QUIT = new Set(['q', 'q!', 'quit', 'exit']);
const HELP = new Set(['?', 'h', 'help']);
const NAMESPACE_KIND = 'namespaces';
const ALL = new Set(['all', '-A', '*']);
const FORWARDS = new Set(['pf', 'portforward', 'portforwards']);

/** The command words besides kind names, for Tab completion. */
export const COMMAND_WORDS: readonly string[] = ['api-resources', 'apply', 'create', 'ctx', 'context', 'help', 'journal', 'pf', 'prom', 'quit', 'rollout', 'run'];

const ROLLOUT_USAGE = ':rollout history NAME (a Deployment in this namespace: its revisions; Enter rolls back to one)';

/** `:rollout history deployment/web`, `deploy/web` or `web`, as kubectl takes it. */
function parseRollout(args: readonly string[]): CommandResult {
  const [sub, ref, ...more] = args;
  const name = ref?.replace(/^(deployments?|deploy|dp)(\.apps)?\//, '');
  if (sub !== 'history' || !name || name.includes('/') || more.length > 0) return { type: 'error', text: `usage: ${ROLLOUT_USAGE}` };
  return { type: 'rollout', name };
}

/** Closest known kind names for a typo. */
export type KindSuggester = (typed: string) => readonly string[];

export function unknownResource(name: string, suggestions: readonly string[] = []): string {
  if (suggestions.length > 0) return `unknown resource "${name}": did you mean ${suggestions.join(', ')}?`;
  return `unknown resource "${name}": try :pods, :deploy, :svc, :api-resources … (? for help)`;
}

/** `all`, `-A` or `*` mean all namespaces (null); anything else is a namespace name. */
function namespaceArg(arg: string): string | null {
  return ALL.has(arg) ? null : arg;
}

export function parseCommand(line: string, findKind: KindLookup, suggest?: KindSuggester): CommandResult {
  const [word, arg, ...rest] = line.trim().split(/\s+/).filter(Boolean);
  if (!word) return { type: 'none' };
  if (MUTATING.has(word)) return { type: 'mutate', verb: word as MutatingCommand, args: [arg, ...rest].filter((a): a is string => a !== undefined) };
  if (word === 'rollout') return parseRollout([arg, ...rest].filter((a): a is string => a !== undefined));
  if (rest.length > 0) return { type: 'error', text: `too many arguments: ":${line.trim()}" (try :pods [namespace])` };
  const name = word.toLowerCase();
  if (QUIT.has(name)) return { type: 'quit' };
  if (HELP.has(name)) return { type: 'help' };
  if (name === 'prom') return arg ? { type: 'error', text: ':prom takes no argument (it lists the Prometheus instances found)' } : { type: 'prom' };
  if (name === 'journal') return { type: 'journal' };
  if (FORWARDS.has(name)) return arg ? { type: 'error', text: `:${name} takes no argument (it lists the port-forwards)` } : { type: 'forwards' };
  if (name === 'ctx' || name === 'context' || name === 'contexts') return arg ? { type: 'context', name: arg } : { type: 'pickContext' };
  if (name === 'api-resources') return arg ? { type: 'error', text: ':api-resources takes no argument' } : { type: 'apiResources' };
  const spec = findKind(name);
  if (!spec) return { type: 'error', text: unknownResource(word, suggest?.(word)), unknownKind: word };
  if (spec.id === NAMESPACE_KIND) {
    if (!arg) return { type: 'pickNamespace' };
    return { type: 'namespace', namespace: namespaceArg(arg) ?? undefined };
  }
  return arg ? { type: 'show', kind: spec.id, namespace: namespaceArg(arg) } : { type: 'show', kind: spec.id };
}
