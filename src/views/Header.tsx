// The top lines: connection state, who and where kt is connected, the namespace and the
// favourite namespaces on keys 0-9 (as k9s shows them), and [readonly].
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { SessionInfo } from '../app/types.js';
import type { ConnectionStatus } from '../store/types.js';
import type { MetricsSource } from '../metrics/types.js';
import { connectionText } from './connection-text.js';
import { WithMetrics } from './HeaderMetrics.js';
import { theme } from './theme.js';

export interface HeaderProps {
  session: SessionInfo;
  connection: ConnectionStatus;
  /** The clock the connection line counts with (next retry, the data's age). */
  now: number;
  namespace: string | undefined;
  favourites: readonly string[];
  readonly: boolean;
  width: number;
  /** 2 normally; 1 on a very short terminal (then the favourites are left out). */
  lines: number;
  /** Cluster CPU/MEM sparklines and the metrics source, on line 2 (absent: no metrics). */
  metrics?: MetricsSource;
  plain?: boolean;
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <Text>
      <Text color={theme.muted}>{label}:</Text>
      <Text bold>{value}</Text>
      {'  '}
    </Text>
  );
}

function Favourites({ namespace, favourites }: Pick<HeaderProps, 'namespace' | 'favourites'>) {
  const entries = [{ key: '0', name: 'all', current: namespace === undefined }];
  favourites.forEach((name, i) => entries.push({ key: String(i + 1), name, current: name === namespace }));
  return (
    <Text>
      {entries.map((e) => (
        <Text key={e.key}>
          <Text color={theme.key}>{`<${e.key}>`}</Text>
          <Text bold={e.current} underline={e.current}>{e.name}</Text>
          {'  '}
        </Text>
      ))}
    </Text>
  );
}

function HeaderView({ session, connection, now, namespace, favourites, readonly, width, lines, metrics, plain = false }: HeaderProps) {
  const conn = connectionText(connection, now);
  const ns = namespace ?? 'all';
  return (
    <Box flexDirection="column" width={width} height={lines} overflow="hidden">
      <Text wrap="truncate">
        <Text color={conn.colour}>{`● ${conn.text}`}</Text>
        {'  '}
        {readonly && <Text color={theme.warning}>[readonly] </Text>}
        {lines < 2 && <Field label="NS" value={ns} />}
        <Field label="Context" value={session.context} />
        <Field label="Cluster" value={session.cluster} />
        <Field label="User" value={session.user} />
        <Field label="K8s" value={session.serverVersion ?? '…'} />
      </Text>
      {lines >= 2 && (
        <WithMetrics source={metrics} width={width} keepLeft={11 + ns.length} plain={plain}>
          <Text wrap="truncate">
            <Field label="Namespace" value={ns} />
            <Favourites namespace={namespace} favourites={favourites} />
          </Text>
        </WithMetrics>
      )}
    </Box>
  );
}

export const Header = memo(HeaderView);
