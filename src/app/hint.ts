/** One key hint of the footer: a binding's key and label, greyed when its action is not allowed. */
export interface Hint {
  key: string;
  label: string;
  /** Greyed: the action is not allowed here. */
  disabled?: boolean;
}
