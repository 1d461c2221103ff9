// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { badgeTitle } from '@/utils/background/badge-title';
import { ENGLISH } from '@/utils/i18n/english';
import type { Mention } from '@/utils/page/mention';
import { mentionDirection, mentionLanguage } from '@/utils/page/mention-language';
import { placeCard } from '@/utils/page/placement';
import { testTranslator } from '../../support/i18n';
import { wholeNodeMention } from '../../support/mentions';

const VIEWPORT = { width: 1000, height: 800 };
const BASE = { width: 300, height: 200, viewport: VIEWPORT, gap: 10, edge: 8 };
const line = { left: 600, right: 660, top: 100, bottom: 120 };

describe('card placement in right-to-left text', () => {
  it('lines the card up with the mention’s right edge, where an Arabic word begins', () => {
    expect(placeCard({ ...BASE, lines: [line], direction: 'rtl' })).toEqual({ x: 360, y: 130 });
    expect(placeCard({ ...BASE, lines: [line], direction: 'ltr' })).toEqual({ x: 600, y: 130 });
    expect(placeCard({ ...BASE, lines: [line] })).toEqual({ x: 600, y: 130 });
  });

  it('still keeps the card inside the viewport', () => {
    const nearLeft = { left: 20, right: 80, top: 100, bottom: 120 };
    expect(placeCard({ ...BASE, lines: [nearLeft], direction: 'rtl' }).x).toBe(8);
    const nearRight = { left: 950, right: 990, top: 100, bottom: 120 };
    expect(placeCard({ ...BASE, lines: [nearRight], direction: 'rtl' }).x).toBe(690);
  });
});

describe('a mention’s language and direction', () => {
  function mentionIn(html: string, documentLang?: string): Mention {
    if (documentLang) document.documentElement.setAttribute('lang', documentLang);
    else document.documentElement.removeAttribute('lang');
    document.body.innerHTML = html;
    const block = document.querySelector('p') as Element;
    const node = block.querySelector('b')?.firstChild as Text;
    return wholeNodeMention(node, 0, block);
  }

  it('takes the nearest lang attribute, the block’s before the page’s', () => {
    expect(mentionLanguage(mentionIn('<p><b>Daraa</b></p>', 'en-GB'))).toBe('en');
    expect(mentionLanguage(mentionIn('<p lang="ar"><b>BBC</b></p>', 'en'))).toBe('ar');
    expect(mentionLanguage(mentionIn('<p><b>Daraa</b></p>'))).toBeUndefined();
  });

  it('knows Arabic script when the page says nothing, or says English', () => {
    expect(mentionLanguage(mentionIn('<p><b>درعا</b></p>'))).toBe('ar');
    expect(mentionLanguage(mentionIn('<p><b>درعا</b></p>', 'en'))).toBe('ar');
    expect(mentionLanguage(mentionIn('<p><b>تهران</b></p>', 'fa'))).toBe('fa');
  });

  it('reads the direction the page lays the line out in (happy-dom computes only the element’s own)', () => {
    expect(
      mentionDirection(mentionIn('<p dir="rtl"><b style="direction: rtl">درعا</b></p>'), window),
    ).toBe('rtl');
    expect(mentionDirection(mentionIn('<p><b>Daraa</b></p>'), window)).toBe('ltr');
  });
});

describe('the toolbar button’s title', () => {
  it('counts the page’s names in the reader’s language', async () => {
    const arabic = await testTranslator('ar');
    expect(badgeTitle(ENGLISH, { active: true, entities: 12 })).toBe(
      'Backstory: 12 entities on this page',
    );
    expect(badgeTitle(arabic, { active: true, entities: 2 })).toBe(
      'Backstory: اسمان معروفان في هذه الصفحة',
    );
    expect(badgeTitle(arabic, { active: false, entities: 0 })).toBe('Backstory');
  });
});
