import { describe, expect, it } from 'vitest';
import { BadgeCount } from '@/utils/page/badge-count';

describe('badge count', () => {
  it('tells nothing while the background counts what the page shows', () => {
    const badge = new BadgeCount();
    badge.started();
    expect(badge.update({ page: 3, background: 3 })).toBeNull();
    expect(badge.update({ page: 5, background: 5 })).toBeNull();
  });

  it('tells the page’s count when mentions left the page, and again only when it changes', () => {
    const badge = new BadgeCount();
    badge.started();
    expect(badge.update({ page: 2, background: 3 })).toEqual({ active: true, entities: 2 });
    expect(badge.update({ page: 2, background: 3 })).toBeNull();
    expect(badge.update({ page: 1, background: 3 })).toEqual({ active: true, entities: 1 });
  });

  it('knows the background counts again after a batch met new entities', () => {
    const badge = new BadgeCount();
    badge.started();
    badge.update({ page: 2, background: 3 });
    // A new entity: the background put 4 on the badge, which the page agrees with.
    expect(badge.update({ page: 4, background: 4 })).toBeNull();
    // It put 5, but the page shows 4 of them.
    expect(badge.update({ page: 4, background: 5 })).toEqual({ active: true, entities: 4 });
  });

  it('clears the badge once when marking stops, and not on a page never marked', () => {
    const never = new BadgeCount();
    expect(never.update(null)).toBeNull();
    const badge = new BadgeCount();
    badge.started();
    expect(badge.update(null)).toEqual({ active: false, entities: 0 });
    expect(badge.update(null)).toBeNull();
    badge.started();
    expect(badge.update({ page: 1, background: 1 })).toBeNull();
  });
});
