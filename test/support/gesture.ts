import { fireEvent } from '@testing-library/preact';

/**
 * Clicks as a reader makes them: browsers grant a permission request only while a click's handler
 * runs, so a fake permissions API asks `during()` whether it was called inside one.
 */
export function readerClicks() {
  let inClick = false;
  return {
    during: () => inClick,
    click(element: Element) {
      inClick = true;
      try {
        fireEvent.click(element);
      } finally {
        inClick = false;
      }
    },
  };
}
