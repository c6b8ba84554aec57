// The describe overlay: useDescribe keeps `kubectl describe`'s text fresh, LiveText shows it.
import type { Dispatch } from 'react';
import type { DescribeUi } from '../app/describe-state.js';
import type { AppEvent } from '../app/reducer.js';
import { useDescribe } from '../hooks/useDescribe.js';
import type { KubeClient } from '../kube/client.js';
import { findKind } from '../kinds/registry.js';
import type { DataSource } from '../store/types.js';
import { LiveText } from './LiveText.js';

export interface LiveDescribeProps {
  client: KubeClient;
  source: DataSource;
  ui: DescribeUi;
  width: number;
  height: number;
  plain: boolean;
  active: boolean;
  dispatch: Dispatch<AppEvent>;
  /** Test hook: refresh period (ms). */
  refreshMs?: number;
}

export function objectTitle(verb: string, ui: DescribeUi): string {
  const { target } = ui;
  const what = `${findKind(target.kind)?.kind ?? target.kind} ${target.namespace ? `${target.namespace}/` : ''}${target.name}`;
  // `x` on a Secret: the title says the values are in clear.
  return target.decoded ? `Decoded ${what}: shows the values in clear` : `${verb} ${what}`;
}

export function LiveDescribe({ client, source, ui, width, height, plain, active, dispatch, refreshMs }: LiveDescribeProps) {
  const described = useDescribe(client, source, ui.target, refreshMs);
  return (
    <LiveText
      title={objectTitle('Describe', ui)}
      text={described.text}
      error={described.error}
      ui={ui}
      width={width}
      height={height}
      plain={plain}
      active={active}
      dispatch={dispatch}
    />
  );
}
