// useReducer whose latest state can also be read synchronously: dispatch runs the (pure) reducer
// at once and keeps the result in a ref, then hands it to React. The key router reads it to know,
// before React re-renders, whether a key changed anything (and so whether the next key must wait).
import { useCallback, useRef, useState } from 'react';

export function useSyncReducer<S, A, I>(
  reducer: (state: S, action: A) => S,
  initialArg: I,
  init: (arg: I) => S,
): [state: S, dispatch: (action: A) => void, current: () => S] {
  const [state, setState] = useState(() => init(initialArg));
  const latest = useRef(state);
  const dispatch = useCallback(
    (action: A) => {
      const next = reducer(latest.current, action);
      if (next === latest.current) return;
      latest.current = next;
      setState(next);
    },
    [reducer],
  );
  const current = useCallback(() => latest.current, []);
  return [state, dispatch, current];
}
