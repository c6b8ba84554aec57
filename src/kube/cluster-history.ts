// The highest resourceVersion kt has seen from one API server. etcd's revision is one counter for
// the whole cluster, so a list answering with a lower one means the cluster's history went back (an
// etcd restore, a cluster recreated under the same name): every informer's resourceVersion is then
// meaningless, and a watch resumed from one may "succeed" on the wrong history. The informer that
// notices tells the others, which relist.

export class ClusterHistory {
  private highest: bigint | undefined;
  private readonly listeners = new Set<() => void>();

  /** A resourceVersion from a watch event or a list. */
  seen(rv: string): void {
    const n = numericRv(rv);
    if (n !== undefined && (this.highest === undefined || n > this.highest)) this.highest = n;
  }

  /**
   * A list's resourceVersion. Returns true (and tells every other subscriber) when it is lower than
   * one seen before: the history went back.
   */
  listed(rv: string, from?: () => void): boolean {
    const n = numericRv(rv);
    const wentBack = n !== undefined && this.highest !== undefined && n < this.highest;
    if (wentBack) this.highest = n;
    else this.seen(rv);
    if (wentBack) for (const listener of [...this.listeners]) if (listener !== from) listener();
    return wentBack;
  }

  /** Runs `listener` when another informer found the history went back; returns the unsubscribe. */
  onReset(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** etcd's resourceVersions are decimal integers; anything else is opaque and not compared. */
function numericRv(rv: string): bigint | undefined {
  return /^\d{1,30}$/.test(rv) ? BigInt(rv) : undefined;
}
