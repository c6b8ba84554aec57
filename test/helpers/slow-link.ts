// One direction of a link that every connection through the fault proxy shares: what is sent on it
// leaves in order per connection, at most `bytesPerSecond` in all, one segment at a time and taking
// turns between connections, as TCP flows share a bottleneck. Unlimited (the default), it delivers
// at once.

/** Bytes to send on a flow, or an end/close that must follow them (zero bytes, no time). */
export interface LinkItem {
  bytes?: Buffer;
  deliver(bytes?: Buffer): void;
}

/** About one TCP segment. */
const SEGMENT = 1460;

export class SlowLink {
  private readonly flows = new Map<object, LinkItem[]>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private bytesPerSecond = Infinity;

  /** Infinity lifts the limit: what is queued goes at once, after the segment on the wire. */
  setRate(bytesPerSecond: number): void {
    this.bytesPerSecond = bytesPerSecond;
    this.pump();
  }

  send(flow: object, item: LinkItem): void {
    let queue = this.flows.get(flow);
    if (!queue) this.flows.set(flow, (queue = []));
    const bytes = item.bytes;
    if (bytes && bytes.length > SEGMENT && Number.isFinite(this.bytesPerSecond)) {
      for (let at = 0; at < bytes.length; at += SEGMENT) queue.push({ bytes: bytes.subarray(at, at + SEGMENT), deliver: item.deliver });
    } else {
      queue.push(item);
    }
    this.pump();
  }

  /** Drops what a flow still had queued (its connection is gone). */
  forget(flow: object): void {
    this.flows.delete(flow);
  }

  private pump(): void {
    while (this.timer === undefined) {
      const next = this.take();
      if (!next) return;
      const cost = next.bytes && Number.isFinite(this.bytesPerSecond) ? (next.bytes.length / this.bytesPerSecond) * 1000 : 0;
      if (cost === 0) {
        next.deliver(next.bytes);
        continue;
      }
      this.timer = setTimeout(() => {
        this.timer = undefined;
        next.deliver(next.bytes);
        this.pump();
      }, cost);
    }
  }

  /** The head of the next flow in turn: the flow goes to the back of the line. */
  private take(): LinkItem | undefined {
    for (const [flow, queue] of this.flows) {
      this.flows.delete(flow);
      const item = queue.shift();
      if (queue.length > 0) this.flows.set(flow, queue);
      if (item) return item;
    }
    return undefined;
  }
}
