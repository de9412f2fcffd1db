import { useCallback, useRef, useState } from 'react';

/** The control a dialog was opened from; for a menu item, the button that opened the menu. */
function focusOrigin(): HTMLElement | null {
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const menu = active?.closest('[role="menu"]');
  if (menu?.id) {
    const trigger = document.querySelector<HTMLElement>(`[aria-controls="${CSS.escape(menu.id)}"]`);
    if (trigger) return trigger;
  }
  return active;
}

/** Open/close state for a dialog about one thing. The thing stays set while the dialog animates
 * out; `version` changes on every open so forms inside start fresh. Focus goes back where it was. */
export function useDialog<T>() {
  const [state, setState] = useState<{ target: T | null; opened: boolean; version: number }>({
    target: null,
    opened: false,
    version: 0,
  });
  const origin = useRef<HTMLElement | null>(null);

  const open = useCallback((target: T) => {
    origin.current = focusOrigin();
    setState((s) => ({ target, opened: true, version: s.version + 1 }));
  }, []);

  const close = useCallback(() => {
    setState((s) => ({ ...s, opened: false }));
    const back = origin.current;
    // After the menu and the dialog have let go of focus.
    window.setTimeout(() => {
      if (back?.isConnected) back.focus();
    }, 50);
  }, []);

  return { ...state, open, close };
}

/** What a page gives a dialog about one thing, named as the feature names it:
 * `DialogProps<'campaign', Campaign>` is `{ campaign: Campaign | null; opened; version; onClose }`. */
export type DialogProps<K extends string, T> = Record<K, T | null> & {
  opened: boolean;
  /** Changes on every open: the form inside starts fresh. */
  version: number;
  onClose: () => void;
};
