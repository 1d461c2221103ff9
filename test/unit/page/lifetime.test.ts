import { describe, expect, it } from 'vitest';
import { isExtensionGone, startLifetime } from '@/utils/page/lifetime';

describe('content script lifetime', () => {
  it('ends the copy before it when a newer one starts in the same world', () => {
    const older = startLifetime();
    const newer = startLifetime();
    expect(older.signal.aborted).toBe(true);
    expect((older.signal.reason as DOMException).name).toBe('AbortError');
    expect(newer.signal.aborted).toBe(false);
    newer.abort();
  });

  it('tells an extension that is gone from a failure that is not', () => {
    expect(isExtensionGone(new Error('Extension context invalidated.'), 'id')).toBe(true);
    expect(
      isExtensionGone('Could not establish connection. Receiving end does not exist.', 'id'),
    ).toBe(true);
    // Without a runtime id the extension is gone whatever the error says.
    expect(isExtensionGone(new Error('anything'), undefined)).toBe(true);
    expect(isExtensionGone(new Error('page:match: Batch too large'), 'id')).toBe(false);
  });
});
