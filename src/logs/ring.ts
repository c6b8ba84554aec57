// A bounded ring of log lines: the newest `capacity` are kept and older ones drop off, so a log
// view's memory stays flat however long it follows.
export class Ring<T> {
  private readonly items: (T | undefined)[];
  private start = 0;
  private count = 0;
  /** How many were ever pushed (older ones may have dropped off). */
  pushed = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`a log buffer holds at least 1 line, not ${capacity}`);
    this.items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  push(item: T): void {
    this.pushed++;
    if (this.count < this.capacity) {
      this.items[(this.start + this.count++) % this.capacity] = item;
      return;
    }
    this.items[this.start] = item;
    this.start = (this.start + 1) % this.capacity;
  }

  /** The i-th kept item, 0 = the oldest. */
  at(i: number): T | undefined {
    return i >= 0 && i < this.count ? this.items[(this.start + i) % this.capacity] : undefined;
  }

  toArray(): T[] {
    const out: T[] = new Array<T>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.items[(this.start + i) % this.capacity] as T;
    return out;
  }

  clear(): void {
    this.items.fill(undefined);
    this.start = 0;
    this.count = 0;
  }
}
