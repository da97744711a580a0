'use client';

import { useEffect } from 'react';

/**
 * While a headset line is live, leaving or reloading the page would hang it up on callers who are on air or
 * being screened: the browser asks first. (Twilio's SDK has closeProtection too, but the emulator path has not.)
 */
export function useUnloadGuard(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium shows the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [active]);
}
