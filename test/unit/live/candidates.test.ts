import { describe, expect, it } from 'vitest';
import type { Candidate } from '@/utils/live/candidate';
import { isTitleCaseLine, proposeCandidates, settleCandidate } from '@/utils/live/candidates';
import { DiscoveryPage } from '@/utils/live/discovery-page';

/** Proposing the names a page's packs did not mark, on sentences of our own. */

const names = (
  text: string,
  taken: [number, number][] = [],
  everyday: (word: string) => boolean = () => false,
) =>
  proposeCandidates(text, taken)
    .map((candidate: Candidate) => settleCandidate(candidate, everyday)?.name)
    .filter(Boolean);

describe('candidate names in Latin-script text', () => {
  it('takes runs of capitalised words, with the connectors names hold', () => {
    expect(
      names(
        'The biochemist Katalin Karikó spoke at the Bank of England with Charles de Gaulle’s heirs.',
      ),
    ).toEqual(['Katalin Karikó', 'Bank of England', 'Charles de Gaulle']);
  });

  it('never runs across "and", "in" or punctuation, and stops at a hyphenated suffix', () => {
    expect(
      names(
        'Talks between Canada and Mexico resumed in Hanoi, said a Washington-based analyst.',
        [],
        (word) => word === 'Talks',
      ),
    ).toEqual(['Canada', 'Mexico', 'Hanoi', 'Washington']);
  });

  it('leaves out titles and honorifics, and sentence-initial everyday words', () => {
    const everyday = (word: string) => ['police', 'despite'].includes(word.toLowerCase());
    expect(
      names(
        'Police said President Emmanuel Macron met Mr. Olaf Scholz. Despite Rain, it went on.',
        [],
        everyday,
      ),
    ).toEqual(['Emmanuel Macron', 'Olaf Scholz', 'Rain']);
  });

  it('proposes nothing inside or across a pack’s mark, nor in headlines, menus or shouting', () => {
    const text = 'A delegation from Syria met Drew Weissman in Philadelphia on Monday.';
    const syria = text.indexOf('Syria');
    expect(names(text, [[syria, syria + 5]])).toEqual(['Drew Weissman', 'Philadelphia']);
    expect(isTitleCaseLine('Nobel Prize Goes To Two Scientists For Vaccine Work')).toBe(true);
    expect(names('Nobel Prize Goes To Two Scientists For Vaccine Work')).toEqual([]);
    expect(names('Log In')).toEqual([]);
    expect(names('BREAKING NEWS FROM THE CAPITAL TODAY')).toEqual([]);
  });

  it('drops calendar words and a single word the page writes in lower case', () => {
    const page = new DiscoveryPage('s', 'en');
    page.observe(
      [
        { key: 0, text: 'On Monday the Bank said rates rose, and Karikó agreed.' },
        { key: 1, text: 'A bank in the town lent money to Weissman in March.' },
      ],
      new Map(),
    );
    expect(
      page
        .names()
        .map((name) => name.name)
        .sort(),
    ).toEqual(['Karikó', 'Weissman']);
  });
});

describe('candidate names in Arabic text', () => {
  it('takes the name after a title or a place word, skipping adjectives of origin', () => {
    expect(
      names('قال الرئيس المصري عبد الفتاح السيسي إن الوفد وصل إلى مدينة الإسكندرية أمس.'),
    ).toEqual(['عبد الفتاح السيسي', 'الإسكندرية']);
    expect(names('وأعلن حزب العمال فوزه في الانتخابات.')).toEqual(['حزب العمال']);
  });
});

describe('a one-word name that is part of a longer one on the page', () => {
  it('is that person again, not a page of its own', () => {
    const page = new DiscoveryPage('s', 'en');
    const text =
      'Chris Hemsworth arrived late. Hemsworth said Drew Weissman had left; Weissman agreed.';
    page.observe([{ key: 0, text }], new Map([[0, [[0, 15]]]]));
    const longer = page
      .names()
      .filter((name) => name.words > 1)
      .map((name) => name.name);
    expect(longer).toEqual(['Drew Weissman']);
    expect(page.partOfLonger('Hemsworth', longer)).toBe(true);
    expect(page.partOfLonger('Weissman', longer)).toBe(true);
    expect(page.partOfLonger('Drew', longer)).toBe(true);
    expect(page.partOfLonger('Stockholm', longer)).toBe(false);
  });
});

describe('possessives', () => {
  it('end a name, except in names made with one', () => {
    expect(
      names(
        "Beijing's officials read the People's Daily before China's envoy left Trump's office.",
      ),
    ).toEqual(['Beijing', "People's Daily", 'China', 'Trump']);
  });
});
