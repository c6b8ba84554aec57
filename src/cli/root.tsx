// The component kt renders: the App of the current context's connection, fed the live terminal
// size and, once known, the server version. `:ctx` swaps the connection: the App is mounted anew
// for the new context (its remembered namespace and view), the old connection is closed.
import { useCallback, useEffect, useMemo, useState, type ComponentType, type ReactNode } from 'react';
import type { AppProps } from '../app/types.js';
import { useTerminalSize, type SizeSource } from '../terminal/size.js';
import { contextRows, withContextNamespace, type Connection } from './connection.js';

export interface RootProps {
  App: ComponentType<AppProps>;
  size: SizeSource;
  initial: Connection;
  /** Connects to another context; throws with a one-line reason. */
  connectTo?: (context: string) => Connection;
  /** Told about every new connection (the guard disposes the current one on exit). */
  onConnected?: (connection: Connection) => void;
  app: Omit<AppProps, 'columns' | 'rows' | 'session' | 'source' | 'client' | 'streamer' | 'dialer' | 'metrics'>;
}

export function Root({ App, size, initial, connectTo, onConnected, app }: RootProps): ReactNode {
  const { columns, rows } = useTerminalSize(size);
  const [conn, setConn] = useState(initial);
  const [version, setVersion] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    setVersion(undefined);
    conn.serverVersion.then(
      (v) => {
        if (live && v) setVersion(v);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [conn]);
  const session = useMemo(() => (version ? { ...conn.session, serverVersion: version } : conn.session), [conn, version]);
  const prefs = useMemo(() => withContextNamespace(app.prefs, conn.loaded.contextName, conn.loaded.namespace), [app.prefs, conn]);
  const contexts = useMemo(() => contextRows(conn.loaded), [conn]);

  const switchContext = useCallback(
    (name: string): string | undefined => {
      if (!connectTo) return 'switching contexts needs the kubeconfig (not available here)';
      if (name === conn.session.context) return undefined;
      let next: Connection;
      try {
        next = connectTo(name);
      } catch (err) {
        return err instanceof Error ? err.message.replace(/^kt: /, '') : String(err);
      }
      conn.dispose();
      onConnected?.(next);
      setConn(next);
      next.start();
      return undefined;
    },
    [conn, connectTo, onConnected],
  );

  const first = conn === initial;
  return (
    <App
      key={conn.session.context}
      {...app}
      prefs={prefs}
      initialNamespace={first ? app.initialNamespace : undefined}
      allNamespaces={first ? app.allNamespaces : false}
      source={conn.source}
      client={conn.source.client}
      streamer={conn.source.streamer}
      dialer={conn.source.dialer}
      metrics={conn.metrics}
      session={session}
      columns={columns}
      rows={rows}
      contexts={contexts}
      onSwitchContext={switchContext}
    />
  );
}
