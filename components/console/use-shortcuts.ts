'use client';

import { useEffect } from 'react';

export type ShortcutHandlers = Partial<Record<'n' | 'a' | 'r' | 'q' | 'approve-in-field', () => void>>;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Single-key shortcuts that stay out of the way while typing; Esc leaves a field, Ctrl+Enter approves from one. */
export function useShortcuts(handlers: ShortcutHandlers) {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.defaultPrevented) return;
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter' && handlers['approve-in-field']) {
        event.preventDefault();
        handlers['approve-in-field']();
        return;
      }
      if (event.ctrlKey || event.metaKey) return;
      if (isTyping(event.target)) {
        if (event.key === 'Escape' && event.target instanceof HTMLElement) event.target.blur();
        return;
      }
      const key = event.key.toLowerCase() as 'n' | 'a' | 'r' | 'q';
      const handler = handlers[key];
      if (handler) {
        event.preventDefault();
        handler();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [handlers]);
}
