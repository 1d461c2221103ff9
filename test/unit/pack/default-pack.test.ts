import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMentions } from '@/utils/match/find-mentions';
import { articleBlocks } from '../../../scripts/pack/article-text';
import { readCurated } from '../../../scripts/pack/build';
import { readBuiltPack } from '../../../scripts/pack/built-pack';
import { checkPack } from '../../../scripts/pack/check';
import { FIXTURE_ARTICLES, ROOT } from '../../../scripts/pack/paths';
import { fixtureMatches } from '../../../scripts/pack/report';
import { entity } from '../../support/entities';

const built = readBuiltPack();
const { data } = built;
const entities = [...built.entities()];

/** Every mention in blocks of text, as "surface → id". */
function marksIn(blocks: string[]): string[] {
  return findMentions(data, blocks).flatMap((list, b) =>
    list.map(
      (m) => `${(blocks[b] as string).slice(m.start, m.end)} → ${data.entityIds.at(m.entity)}`,
    ),
  );
}

/** Every mention in an HTML file, as "surface → id". */
function mentionsIn(file: string): string[] {
  return marksIn(articleBlocks(readFileSync(file, 'utf8')));
}

describe('the default pack on the seed story (demo/article.html, 22 August 2021)', () => {
  const found = mentionsIn(join(ROOT, 'demo/article.html'));

  it.each([
    ['Assad regime', 'Q131404661'],
    ['Daraa', 'Q238217'],
    ['درعا', 'Q238217'],
    ['Daraa al-Balad', 'bs:daraa-al-balad'],
    ['Bashar al-Assad', 'Q44329'],
    ['Maher al-Assad', 'bs:maher-al-assad'],
    ['4th Armoured Division', 'bs:4th-armoured-division'],
    ['SANA', 'bs:sana'],
    ['Nasib border crossing', 'bs:nasib-border-crossing'],
    ['Russian mediators', 'bs:russian-mediation-southern-syria'],
    ['reconciliation agreements', 'bs:reconciliation-agreements-2018'],
    ['Adnan al-Masalma', 'bs:adnan-al-masalma'],
    ['Syrian Observatory for Human Rights', 'bs:syrian-observatory-for-human-rights'],
    ['Iran-backed forces', 'bs:iran-backed-militias'],
    ['Hezbollah', 'bs:hezbollah'],
    ['Nabaa news agency', 'bs:nabaa-media'],
    ['Tafas', 'Q4120104'],
    ['Busra al-Sham', 'Q272680'],
    ['Idlib', 'Q504657'],
    ['Jordan', 'Q810'],
    ['Amman', 'Q3805'],
    ['Russia', 'Q159'],
    ['United Nations', 'Q1065'],
    ['2018 offensive', 'bs:southern-syria-offensive-2018'],
  ])('"%s" is %s', (surface, id) => {
    expect(found).toContain(`${surface} → ${id}`);
  });
});

describe('false positives on articles about other things (test/fixtures/articles)', () => {
  it.each(
    fixtureMatches(data, FIXTURE_ARTICLES).map((fixture) => [fixture.file, fixture] as const),
  )('%s is marked only where it truly names a place or organisation', (file, fixture) => {
    const html = readFileSync(join(FIXTURE_ARTICLES, file), 'utf8');
    const declared = /True mentions intentionally included: ([^.]*)\./.exec(html)?.[1] ?? 'none';
    const allowed =
      declared === 'none' ? [] : declared.split(/,\s*/).map((item) => item.replace(/\s*\(.*$/, ''));
    for (const mark of fixture.marks) expect(allowed).toContain(mark.split(' → ')[0]);
  });
});

// Reading the curated YAML and every entity shard takes a few seconds on a loaded machine.
describe('the pack pipeline checks', { timeout: 60_000 }, () => {
  it('holds the story in depth: at least 120 curated Syria entities, and every country', () => {
    const syria = readCurated().filter(({ file }) => file.startsWith('syria-'));
    expect(syria.flatMap(({ entities }) => entities).length).toBeGreaterThanOrEqual(120);
    const countries = entities.filter((item) =>
      item.facts?.some((fact) => fact.label === 'ISO 3166-1 code'),
    );
    expect(countries.length).toBeGreaterThanOrEqual(240);
  });

  it('holds at least 25,000 entities with Wikidata ids, and names every data source', () => {
    expect(entities.filter((item) => /^Q[1-9]\d*$/.test(item.id)).length).toBeGreaterThanOrEqual(
      25_000,
    );
    const sources = built.manifest.sources.map((source) => source.url ?? '');
    for (const repository of [
      'cfmessias/geografia',
      'unitedstates/congress-legislators',
      'hdigital/partyfactsdata',
      'confirmordeny/supraverden',
      'dr5hn/countries-states-cities-database',
      'compromise-wikipedia',
    ])
      expect(sources.some((url) => url.includes(repository))).toBe(true);
    expect(built.manifest.sources.every((source) => source.licence)).toBe(true);
  });

  it('gives a name the entity a reader means, not a namesake the estimates rank higher', () => {
    // Google, not Google+; the Netherlands of Wikipedia's article, not the Kingdom with Aruba.
    expect(marksIn(['Google and the Netherlands signed a data-centre deal.'])).toEqual([
      'Google → Q95',
      'Netherlands → Q55',
    ]);
    // "Gaza" is the territory; Gaza City is named as such.
    expect(marksIn(['Aid trucks entered Gaza on Monday.'])).toEqual(['Gaza → Q39760']);
    expect(marksIn(['Strikes hit Gaza City.'])).toEqual(['Gaza City → Q47492']);
    // The time of day and a state's postal code are no parties in Peru or Liechtenstein.
    expect(marksIn(['The vote in Tampa, FL, closed at 9 PM.'])).toEqual(['Tampa → Q49255']);
  });

  it('knows what news names most, by the names news uses (packs/curated/news-staples.yaml)', () => {
    // Bare "Washington" is the capital; acronyms and metonyms are the institutions. "AP", which
    // others share, waits for the page to name the agency or its context.
    expect(
      marksIn([
        'WASHINGTON (AP) — The White House said the FBI and the Pentagon would brief NASA.',
      ]),
    ).toEqual([
      'WASHINGTON → Q61',
      'White House → Q35525',
      'FBI → Q8333',
      'Pentagon → Q11209',
      'NASA → Q23548',
    ]);
    expect(marksIn(['Russia moved ships from Crimea into the Black Sea.'])).toEqual([
      'Russia → Q159',
      'Crimea → Q7835',
      'Black Sea → Q166',
    ]);
    expect(marksIn(['The Taliban posted the video on YouTube and Facebook.'])).toEqual([
      'Taliban → Q42418',
      'YouTube → Q866',
      'Facebook → Q355',
    ]);
    expect(marksIn(['The Associated Press news agency said AP staff were safe.'])).toEqual([
      'Associated Press → Q40469',
      'AP → Q40469',
    ]);
    // A shared acronym or word waits for its context: "AP" alone, "Congress" without US politics.
    expect(marksIn(['The AP exam is in May.'])).toEqual([]);
    expect(marksIn(['Congress leaders met in Mumbai.'])).toEqual(['Mumbai → Q1156']);
    // On a page about Washington state, its cities make "Washington" the state.
    expect(marksIn(['Fires near Spokane, Washington, reached Seattle.'])).toEqual([
      'Spokane → Q187805',
      'Washington → Q1223',
      'Seattle → Q5083',
    ]);
    expect(marksIn(['Israeli strikes hit Rafah and Khan Younis in southern Gaza.'])).toEqual([
      'Rafah → Q172343',
      'Khan Younis → Q309348',
      'Gaza → Q39760',
    ]);
    // A city from the city list is the knowledge base's item the sources describe only in words
    // ("Capital city of New South Wales, Australia"): one entity, with its Wikidata id.
    expect([built.entity('Q3130')?.name, built.entity('Q3130')?.country]).toEqual(['Sydney', 'AU']);
    // The street and the region, not the film and the TV series named after them.
    expect(marksIn(['Shares fell on Wall Street as the Kremlin warned Silicon Valley.'])).toEqual([
      'Wall Street → bs:wall-street',
      'Kremlin → bs:wp-moscow-kremlin',
      'Silicon Valley → bs:silicon-valley',
    ]);
    // A shared name the curated party takes only in context leaves the other countries' parties.
    expect(built.entity('Q47729')?.name).toBe('Democratic Party');
  });

  it('knows past leaders with their terms ("then and since")', () => {
    const abbott = built.entity('Q348577');
    expect([abbott?.name, abbott?.kind]).toEqual(['Tony Abbott', 'person']);
    expect(abbott?.facts).toContainEqual(
      expect.objectContaining({
        label: 'Office',
        value: 'Prime Minister of Australia',
        from: '2013-09-18',
      }),
    );
    expect(mentionsIn(join(FIXTURE_ARTICLES, '../../../demo/article.html'))).toContain(
      'Bashar al-Assad → Q44329',
    );
  });

  it('finds dead references and shared names without hints', () => {
    const shared = {
      format: 'backstory-pack' as const,
      schemaVersion: 1 as const,
      id: 'test',
      name: 'test',
      version: '1',
      entities: [
        entity('Q1', 'place', 'Tripoli', { en: ['Tripoli'] }, { related: ['Q404'] }),
        entity('Q2', 'place', 'Tripoli (Lebanon)', { en: ['Tripoli'] }),
        entity('Q3', 'place', 'Jordan', { en: [{ text: 'Jordan', requireContext: true }] }),
        entity('Q4', 'person', 'Michael Jordan', { en: ['Jordan'] }),
      ],
    };
    expect(checkPack(shared)).toEqual([
      'entity Q1 (Tripoli), field related: Q404 is not in the pack',
      'alias "Tripoli" is shared by entity Q1 (Tripoli), entity Q2 (Tripoli (Lebanon)) with no disambiguation hint',
    ]);
    expect(
      checkPack({
        format: 'backstory-pack',
        schemaVersion: 1,
        id: built.manifest.id,
        name: built.manifest.name,
        version: built.manifest.version,
        entities,
      }),
    ).toEqual([]);
  });
});
