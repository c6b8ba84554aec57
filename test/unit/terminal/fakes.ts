// Fake stdout/stdin/process for the terminal tests.
import { EventEmitter } from 'node:events';

export class FakeOut extends EventEmitter {
  isTTY = true;
  columns = 100;
  rows = 30;
  written = '';
  write(data: string): boolean {
    this.written += data;
    return true;
  }
  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

export class FakeIn {
  isTTY = true;
  isRaw = true;
  modes: boolean[] = [];
  setRawMode(mode: boolean): this {
    this.isRaw = mode;
    this.modes.push(mode);
    return this;
  }
}

export class FakeProcess extends EventEmitter {
  env: Record<string, string | undefined> = {};
  exits: number[] = [];
  exit(code: number): void {
    this.exits.push(code);
  }
}
