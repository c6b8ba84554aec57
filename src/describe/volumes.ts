// "Volumes:" as kubectl describe prints them, for the volume sources pods commonly use; any
// other source prints kubectl's "<unknown>".
import { arr, field, str } from './format.js';
import { quantityText } from '../resources/quantity.js';
import type { DescribeWriter } from './writer.js';

type Obj = Record<string, unknown>;

function props(w: DescribeWriter, type: string, pairs: [string, unknown][]): void {
  w.write(2, `Type:\t${type}\n`);
  for (const [k, v] of pairs) w.write(2, `${k}:\t${v === undefined || v === null ? '' : String(v)}\n`);
}

function projected(w: DescribeWriter, p: Obj): void {
  w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const s of arr(p.sources)) {
    const secret = s.secret as Obj | undefined;
    const configMap = s.configMap as Obj | undefined;
    const token = s.serviceAccountToken as Obj | undefined;
    if (secret) {
      w.write(2, `SecretName:\t${str(secret.name)}\n`);
      w.write(2, `Optional:\t${secret.optional === true}\n`);
    } else if (s.downwardAPI) {
      w.write(2, 'DownwardAPI:\ttrue\n');
    } else if (configMap) {
      w.write(2, `ConfigMapName:\t${str(configMap.name)}\n`);
      w.write(2, `Optional:\t${configMap.optional === true}\n`);
    } else if (token) {
      w.write(2, `TokenExpirationSeconds:\t${str(token.expirationSeconds)}\n`);
    }
  }
}

function describeSource(w: DescribeWriter, v: Obj): void {
  const src = (key: string) => v[key] as Obj | undefined;
  let s: Obj | undefined;
  if ((s = src('hostPath'))) {
    props(w, 'HostPath (bare host directory volume)', [['Path', s.path], ['HostPathType', str(s.type) || '<none>']]);
  } else if ((s = src('emptyDir'))) {
    const limit = s.sizeLimit !== undefined && quantityText(s.sizeLimit) !== '0' ? quantityText(s.sizeLimit) : '<unset>';
    props(w, "EmptyDir (a temporary directory that shares a pod's lifetime)", [['Medium', str(s.medium)], ['SizeLimit', limit]]);
  } else if ((s = src('secret'))) {
    props(w, 'Secret (a volume populated by a Secret)', [['SecretName', s.secretName], ['Optional', s.optional === true]]);
  } else if ((s = src('configMap'))) {
    props(w, 'ConfigMap (a volume populated by a ConfigMap)', [['Name', s.name], ['Optional', s.optional === true]]);
  } else if ((s = src('nfs'))) {
    props(w, 'NFS (an NFS mount that lasts the lifetime of a pod)', [['Server', s.server], ['Path', s.path], ['ReadOnly', s.readOnly === true]]);
  } else if ((s = src('persistentVolumeClaim'))) {
    props(w, 'PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)', [['ClaimName', s.claimName], ['ReadOnly', s.readOnly === true]]);
  } else if ((s = src('ephemeral'))) {
    w.write(2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n');
  } else if ((s = src('downwardAPI'))) {
    w.write(2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const item of arr(s.items)) {
      const from = field<string>(item, 'fieldRef', 'fieldPath') ?? field<string>(item, 'resourceFieldRef', 'resource');
      if (from) w.write(3, `${from} -> ${str(item.path)}\n`);
    }
  } else if ((s = src('projected'))) {
    projected(w, s);
  } else if ((s = src('csi'))) {
    props(w, 'CSI (a Container Storage Interface (CSI) volume source)', [['Driver', s.driver], ['FSType', str(s.fsType)], ['ReadOnly', s.readOnly === true]]);
  } else if ((s = src('image'))) {
    props(w, 'Image (a container image or OCI artifact)', [['Reference', s.reference], ['PullPolicy', str(s.pullPolicy)]]);
  } else {
    w.write(1, '<unknown>\n');
  }
}

/** `space` is "  " inside a Pod Template (volume names then get one more space). */
export function describeVolumes(w: DescribeWriter, volumes: unknown, space: string): void {
  const list = arr(volumes);
  if (list.length === 0) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const v of list) {
    w.write(1, `${space ? ' ' : ''}${str(v.name)}:\n`);
    describeSource(w, v);
  }
}
