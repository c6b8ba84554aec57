// One keep-alive HTTPS agent for the API server. client-node's applyToHTTPSOptions builds a new
// agent for every call, so every list, describe and Prometheus query through the service proxy
// opened a fresh TLS connection (a handshake each, on both ends). kt keeps its own agent for as long
// as the TLS material stays the same; an exec plugin that rotates a client certificate gets a new one.
import type http from 'node:http';
import https from 'node:https';

/**
 * Idle connections close after this long: longer than the metrics refresh (15 s), so each refresh
 * reuses the connection, and shorter than the API server's own idle timeout (90 s).
 */
export const IDLE_SOCKET_MS = 30_000;

const TLS_OPTIONS = [
  'ca', 'cert', 'key', 'pfx', 'passphrase', 'rejectUnauthorized', 'servername', 'ciphers', 'honorCipherOrder',
  'ecdhCurve', 'crl', 'dhparam', 'secureOptions', 'secureProtocol', 'sessionIdContext', 'minVersion', 'maxVersion',
] as const;

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  return false;
}

function sameTls(a: https.AgentOptions, b: https.AgentOptions): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return TLS_OPTIONS.every((k) => sameValue(x[k], y[k]));
}

export interface AgentPool {
  (fresh: http.Agent | undefined): http.Agent | undefined;
  /** Closes the shared agent's connections (the client is done). */
  destroy(): void;
}

/**
 * Returns a function that swaps a per-call agent for the shared keep-alive one. Agents that are not
 * plain https.Agents (a proxy's, say) and plain-HTTP calls pass through unchanged.
 */
export function keepAliveAgents(): AgentPool {
  let shared: { options: https.AgentOptions; agent: https.Agent } | undefined;
  const reuse = (fresh: http.Agent | undefined): http.Agent | undefined => {
    if (!(fresh instanceof https.Agent) || fresh.constructor !== https.Agent) return fresh;
    const options = (fresh as https.Agent & { options: https.AgentOptions }).options;
    if (shared && sameTls(shared.options, options)) return shared.agent;
    // The old agent is left to finish what it carries; its idle sockets close on their own.
    const agent = new https.Agent({ ...options, keepAlive: true, scheduling: 'lifo', timeout: IDLE_SOCKET_MS });
    shared = { options, agent };
    return agent;
  };
  return Object.assign(reuse, {
    destroy() {
      shared?.agent.destroy();
      shared = undefined;
    },
  });
}
