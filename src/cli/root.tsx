// The component kt renders: the App, fed the live terminal size and, once known, the server version.
import { useEffect, useMemo, useState, type ComponentType, type ReactNode } from 'react';
import type { AppProps, SessionInfo } from '../app/types.js';
import { useTerminalSize, type SizeSource } from '../terminal/size.js';

export interface RootProps {
  App: ComponentType<AppProps>;
  size: SizeSource;
  session: SessionInfo;
  serverVersion: Promise<string | undefined>;
  app: Omit<AppProps, 'columns' | 'rows' | 'session'>;
}

export function Root({ App, size, session, serverVersion, app }: RootProps): ReactNode {
  const { columns, rows } = useTerminalSize(size);
  const [version, setVersion] = useState<string | undefined>(session.serverVersion);
  useEffect(() => {
    let live = true;
    serverVersion.then(
      (v) => {
        if (live && v) setVersion(v);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [serverVersion]);
  const current = useMemo(() => (version ? { ...session, serverVersion: version } : session), [session, version]);
  return <App {...app} session={current} columns={columns} rows={rows} />;
}
