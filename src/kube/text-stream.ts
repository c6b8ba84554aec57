// A long-lived GET whose body is read as text while it arrives: the pods/log endpoint with
// follow=true. The client (client.ts) opens it with the kubeconfig's TLS and credentials.
import type { Query, WatchHandle } from './client.js';
import type { KubeApiError } from './api-errors.js';

export interface TextStreamer {
  /**
   * GETs `path` and hands each chunk of the body to onText as it arrives. onDone runs exactly once:
   * with no error when the server ends the body, with a KubeApiError otherwise; never after abort().
   */
  stream(path: string, query: Query, onText: (text: string) => void, onDone: (err?: KubeApiError) => void): WatchHandle;
}
