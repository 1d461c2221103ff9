import { describe, expect, it } from 'vitest';
import { compileMatcher } from '@/utils/match/compile';
import { findMentions } from '@/utils/match/find-mentions';
import { foldedText, tokenize } from '@/utils/match/tokenize';
import { TEST_ENTITIES } from '../../support/entities';

const { data } = compileMatcher(TEST_ENTITIES);

/** Names found in one paragraph, as "text → entity id". */
function found(text: string): string[] {
  return findMentions(data, [text])[0]!.map(
    (m) => `${text.slice(m.start, m.end)} → ${data.entityIds.at(m.entity)}`,
  );
}

describe('normalisation', () => {
  it('folds case, diacritics, typographic apostrophes and hyphens the same way for aliases and text', () => {
    expect(foldedText('Dar‘a ÉCOLE naïve – ‑')).toBe("dar'a ecole naive - -");
  });

  it('unifies Arabic letter variants and drops tatweel and harakat', () => {
    expect(foldedText('الأردن')).toBe(foldedText('الاردن'));
    expect(foldedText('سورية')).toBe(foldedText('سوريه'));
    expect(foldedText('درعـــا')).toBe(foldedText('درعا'));
    expect(foldedText('دَرْعَا')).toBe(foldedText('درعا'));
  });

  it('splits words at spaces, hyphens and apostrophes and notes punctuation breaks', () => {
    expect(tokenize('al-Assad’s, U.N. envoy').map((t) => [t.folded, t.broken])).toEqual([
      ['al', true],
      ['assad', false],
      ['s', false],
      ['u', true],
      ['n', false],
      ['envoy', false],
    ]);
  });
});

describe('matching', () => {
  it('finds Latin-script names whole-word, whatever their case and diacritics', () => {
    expect(found('Troops reached DARAA and Déraa on Sunday.')).toEqual([
      'DARAA → Q238217',
      'Déraa → Q238217',
    ]);
    expect(found('Daraaville and subDaraa are not places.')).toEqual([]);
  });

  it('finds Arabic names, with proclitics and letter variants', () => {
    expect(found('وصلت القوات إلى درعا')).toEqual(['درعا → Q238217']);
    expect(found('اشتباكات في بدرعا وسوريه')).toEqual(['درعا → Q238217', 'سوريه → Q858']);
    expect(found('قال بشار الاسد')).toEqual(['بشار الاسد → Q44329']);
  });

  it('matches possessives and names written with or without the article', () => {
    expect(found("Bashar al-Assad's brother")).toEqual(['Bashar al-Assad → Q44329']);
    expect(found('Bashar Assad spoke')).toEqual(['Bashar Assad → Q44329']);
    expect(found('Bashar al Assad spoke')).toEqual(['Bashar al Assad → Q44329']);
  });

  it('prefers the longest name at the leftmost position', () => {
    expect(found('Residents of Daraa al-Balad fled.')).toEqual([
      'Daraa al-Balad → bs:daraa-al-balad',
    ]);
    expect(found('the road to the Nasib border crossing')).toEqual([
      'Nasib border crossing → bs:nasib-crossing',
    ]);
  });

  it('does not run a name across punctuation', () => {
    expect(found('In Daraa, al-Balad was calm.')).toEqual(['Daraa → Q238217']);
  });

  it('marks descriptive phrases', () => {
    expect(found('talks brokered by Russian mediators broke down')).toEqual([
      'Russian mediators → bs:russian-mediation',
    ]);
  });

  it('keeps case-sensitive aliases to their capitals', () => {
    expect(found('The SANA news agency said')).toEqual(['SANA → Q1139']);
    expect(found('Sana said hello')).toEqual([]);
    expect(found('the UN envoy and the U.N. council')).toEqual(['UN → Q1065', 'U.N → Q1065']);
    expect(found('an un-named source')).toEqual([]);
  });

  it('needs context for aliases that ask for it, and picks namesakes by context', () => {
    expect(found('Michael Jordan scored 30 points.')).toEqual([]);
    expect(found('Jordan closed its border near Amman.')).toEqual(['Jordan → Q810']);
    expect(found('They were baptised in the Jordan, the river of Galilee.')).toEqual([
      'Jordan → bs:jordan-river',
    ]);
    expect(found('What a nice day.')).toEqual([]);
    expect(found('Nice is lovely.')).toEqual([]);
    expect(found('Nice, on the French Riviera, is lovely.')).toEqual(['Nice → Q6441']);
  });

  it('uses the page as context, not just the paragraph', () => {
    const [, second] = findMentions(data, [
      'Refugees crossed from Syria.',
      'Jordan has urged talks.',
    ]);
    expect(second!.map((m) => data.entityIds.at(m.entity))).toEqual(['Q810']);
  });

  it('marks short forms only once the entity is named in full', () => {
    expect(found('Assad spoke. The regime denied it.')).toEqual([]);
    expect(
      found('Bashar al-Assad spoke. Assad said the Assad regime would win; the regime denied it.'),
    ).toEqual([
      'Bashar al-Assad → Q44329',
      'Assad → Q44329',
      'Assad regime → bs:assad-regime',
      'regime → bs:assad-regime',
    ]);
  });

  it('finds numerals and multiword names with spelling variants', () => {
    expect(found('the 4th Armored Division and the Fourth Division')).toEqual([
      '4th Armored Division → bs:4th-division',
      'Fourth Division → bs:4th-division',
    ]);
  });
});
