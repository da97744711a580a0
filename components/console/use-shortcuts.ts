'use client';

import { useEffect } from 'react';

/** Single keys (lower case) to what they do; 'approve-in-field' is Ctrl+Enter from inside a card field. */
export type ShortcutHandlers = Partial<Record<string, () => void>> & { 'approve-in-field'?: () => void };

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Single-key shortcuts that stay out of the way while typing; Esc leaves a field, Ctrl+Enter approves from one.
 * With `enabled` false (the person's setting, WCAG 2.1.4) no single key does anything; Ctrl+Enter still works.
 */
export function useShortcuts(handlers: ShortcutHandlers, enabled = true) {
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
      if (!enabled || event.key.length !== 1) return;
      const handler = handlers[event.key.toLowerCase()];
      if (handler) {
        event.preventDefault();
        handler();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [handlers, enabled]);
}
