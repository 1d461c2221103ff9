import { describe, expect, it } from 'vitest';
import { compileMatcher } from '@/utils/match/compile';
import { findMentions } from '@/utils/match/find-mentions';
import {
  articleUrl,
  buildTitles,
  classifyTitle,
  titleCase,
  titleId,
} from '../../../scripts/pack/breadth/titles';

describe('popular Wikipedia titles: what is kept, and as what', () => {
  it.each([
    ['rupert grint', 'person'],
    ['qatar airways', 'organisation'],
    ['cuban missile crisis', 'event'],
    ['2022 fifa world cup', 'event'],
    ['aral sea', 'place'],
    ['santa clarita diet', 'topic'],
  ])('keeps "%s" as a %s', (title, kind) => {
    expect(classifyTitle(title)).toBe(kind);
  });

  it.each([
    ['christmas', 'one word: a holiday'],
    ['sarin', 'one word'],
    ['nato', 'one word: acronym or word cannot be told apart'],
    ['organized crime', 'everyday phrase'],
    ["dead man's switch", 'everyday phrase'],
    ['climate change', 'everyday phrase'],
    ['dawn french', 'a first name and an everyday word'],
    ['list of presidents of the united states', 'a list'],
    ['mercury (planet)', 'brackets'],
    ['japanese people', 'denied in packs/overrides/titles.yaml'],
  ])('leaves out "%s" (%s)', (title) => {
    expect(classifyTitle(title)).toBeNull();
  });

  it('capitalises names as English writes them, and makes ids and links', () => {
    expect(titleCase('order of the thistle')).toBe('Order of the Thistle');
    expect(titleCase('olivia newton-john')).toBe('Olivia Newton-John');
    expect(titleCase('world war ii')).toBe('World War II');
    expect(titleCase("conan o'brien")).toBe("Conan O'Brien");
    expect(titleId('Łódź fabryczna station')).toBe('bs:wp-lodz-fabryczna-station');
    expect(articleUrl('rupert grint')).toBe(
      'https://en.wikipedia.org/wiki/Special:Search/rupert_grint',
    );
  });

  it('builds minimal entities that match only with their capitals', () => {
    const entities = buildTitles(['dead sea scrolls', 'rupert grint', 'christmas']);
    expect(entities).toEqual([
      {
        id: 'bs:wp-rupert-grint',
        kind: 'person',
        name: 'Rupert Grint',
        aliases: {},
        description: 'Popular English Wikipedia article',
        hints: { caseSensitive: true, priority: -1 },
        sources: [
          {
            title: 'Wikipedia',
            url: 'https://en.wikipedia.org/wiki/Special:Search/rupert_grint',
            licence: 'MIT',
          },
        ],
      },
    ]);
    const { data } = compileMatcher(
      buildTitles(['qatar airways', 'jordan curve theorem', 'peking duck']),
    );
    const found = (text: string) =>
      findMentions(data, [text])[0]?.map((m) => text.slice(m.start, m.end)) ?? [];
    expect(found('She flew Qatar Airways to Doha.')).toEqual(['Qatar Airways']);
    expect(found('qatar airways lost my bag')).toEqual([]);
  });
});
