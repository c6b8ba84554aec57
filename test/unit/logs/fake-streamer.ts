// A TextStreamer whose streams the test feeds and ends by hand.
import type { Query } from '../../../src/kube/client.js';
import type { KubeApiError } from '../../../src/kube/api-errors.js';
import type { TextStreamer } from '../../../src/kube/text-stream.js';

export interface FakeStream {
  path: string;
  query: Query;
  aborted: boolean;
  send(text: string): void;
  end(err?: KubeApiError): void;
}

export function fakeStreamer(): TextStreamer & { streams: FakeStream[] } {
  const streams: FakeStream[] = [];
  return {
    streams,
    stream(path, query, onText, onDone) {
      const s: FakeStream = {
        path,
        query,
        aborted: false,
        send: (text) => !s.aborted && onText(text),
        end: (err) => !s.aborted && onDone(err),
      };
      streams.push(s);
      return { abort: () => (s.aborted = true) };
    },
  };
}
