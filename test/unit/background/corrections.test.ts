import { afterEach, describe, expect, it } from 'vitest';
import type { MatchAnswer } from '@/utils/messages/protocol';
import { type As, builtInPack, inProcessBackground } from '../../support/background';
import { entity } from '../../support/entities';

const CITY = {
  ...entity('Q61', 'place', 'Washington, D.C.', { en: ['Washington'] }),
  popularity: 300,
};
const STATE = {
  ...entity('Q1223', 'place', 'Washington (state)', { en: ['Washington'] }),
  popularity: 150,
};
const DARAA = entity('Q238217', 'place', 'Daraa', { en: ['Daraa'] });
const PACK = builtInPack([CITY, STATE, DARAA]);

let background = inProcessBackground(PACK);
afterEach(async () => {
  await background.close();
  background = inProcessBackground(PACK);
});

const page = (tab: number, url: string): As => ({ role: 'content', tab, url });
const card = (tab: number): As => ({ role: 'card', tab });
const OPTIONS: As = { role: 'extension-page' };

const value = <T>(result: { ok: true; value: T } | { ok: false; errors: string[] }): T => {
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.value;
};

let sessions = 0;
/** A content script's page: its config, then its text matched; the ids of what is marked. */
async function marked(tab: number, url: string, text: string): Promise<string[]> {
  const config = value(await background.ask('page:config', {}, page(tab, url)));
  const answer: MatchAnswer = value(
    await background.ask(
      'page:match',
      { session: `session-${++sessions}-abcdef`, key: config.key, ids: [0], texts: [text] },
      page(tab, url),
    ),
  );
  const ids = new Map(answer.entities.map((found) => [found.ref, found.id]));
  const out: string[] = [];
  for (let i = 0; i < answer.mentions.length; i += 4)
    out.push(ids.get(answer.mentions[i + 3] as number) ?? '?');
  return out;
}

const TEXT = 'Officials in Washington said troops ring Daraa. Washington denied it.';

describe('background: corrections of marks', () => {
  it('offers every candidate the packs have for the name, with descriptions', async () => {
    await marked(1, 'https://a.example/story', TEXT);
    const options = value(
      await background.ask('correction:options', { id: 'Q61', surface: 'WASHINGTON' }, card(1)),
    );
    expect(options.site).toBe('a.example');
    expect(options.candidates.map((c) => `${c.id}: ${c.description}`).sort()).toEqual([
      'Q1223: Washington (state) (test entity)',
      'Q61: Washington, D.C. (test entity)',
    ]);
  });

  it('a chosen referent replaces the resolver’s choice on that site, and only there', async () => {
    expect(await marked(1, 'https://a.example/story', TEXT)).toEqual(['Q61', 'Q238217', 'Q61']);
    const before = value(await background.ask('page:config', {}, page(1, 'https://a.example/')));
    const added = value(
      await background.ask(
        'correction:add',
        { surface: 'Washington', action: 'choose', entity: 'Q1223', was: 'Q61', scope: 'site' },
        card(1),
      ),
    );
    expect(added.entity).toMatchObject({ id: 'Q1223', name: 'Washington (state)', kind: 'place' });
    expect(added.correction).toMatchObject({ site: 'a.example', folded: 'washington' });
    // Every open tab is told to match again, and its key has changed.
    expect(background.corrected()).toBe(1);
    const after = value(await background.ask('page:config', {}, page(1, 'https://a.example/')));
    expect(after.key).not.toBe(before.key);
    expect(await marked(1, 'https://a.example/story', TEXT)).toEqual(['Q1223', 'Q238217', 'Q1223']);
    expect(await marked(2, 'https://b.example/story', TEXT)).toEqual(['Q61', 'Q238217', 'Q61']);
  });

  it('a suppressed name is not marked on that site; "everywhere" holds on every site', async () => {
    await marked(1, 'https://a.example/story', TEXT);
    value(
      await background.ask(
        'correction:add',
        { surface: 'Washington', action: 'never', scope: 'site' },
        card(1),
      ),
    );
    expect(await marked(1, 'https://a.example/story', TEXT)).toEqual(['Q238217']);
    expect(await marked(2, 'https://b.example/story', TEXT)).toEqual(['Q61', 'Q238217', 'Q61']);
    value(
      await background.ask(
        'correction:add',
        { surface: 'Daraa', action: 'none', scope: 'everywhere' },
        card(1),
      ),
    );
    expect(await marked(2, 'https://b.example/story', TEXT)).toEqual(['Q61', 'Q61']);
    expect(await marked(3, 'https://c.example/x', 'In Daraa today.')).toEqual([]);
  });

  it('undo in the options page brings the mark back; stale corrections are listed', async () => {
    await marked(1, 'https://a.example/story', TEXT);
    const { correction } = value(
      await background.ask(
        'correction:add',
        { surface: 'Washington', action: 'never', scope: 'site' },
        card(1),
      ),
    );
    const listed = value(await background.ask('corrections:list', {}, OPTIONS));
    expect(listed).toEqual([expect.objectContaining({ id: correction.id, stale: false })]);
    expect(
      value(await background.ask('corrections:remove', { id: correction.id }, OPTIONS)),
    ).toEqual({
      removed: true,
    });
    expect(await marked(1, 'https://a.example/story', TEXT)).toEqual(['Q61', 'Q238217', 'Q61']);
    value(
      await background.ask(
        'correction:add',
        { surface: 'Daraa', action: 'never', scope: 'site' },
        card(1),
      ),
    );
    expect(value(await background.ask('corrections:clear', {}, OPTIONS))).toEqual({ cleared: 1 });
    expect(await marked(1, 'https://a.example/story', TEXT)).toEqual(['Q61', 'Q238217', 'Q61']);
    // A correction naming an entity no pack has any more (as an import may carry): listed, stale.
    await background.corrections.importList([
      {
        id: 'c-gone1',
        surface: 'Daraa',
        folded: 'daraa',
        site: null,
        action: 'choose',
        entity: 'Q999999',
        entityName: 'Gone',
        createdAt: 5,
      },
    ]);
    expect(value(await background.ask('corrections:list', {}, OPTIONS))).toEqual([
      expect.objectContaining({ id: 'c-gone1', stale: true }),
    ]);
    // It changes nothing: the resolver's choice stands.
    expect(await marked(1, 'https://a.example/story', 'In Daraa.')).toEqual(['Q238217']);
  });

  it('imports corrections with the reader’s own pack; older files without them still import', async () => {
    const mine = { ...PACK, id: 'my-entities', name: 'Mine', entities: [] };
    const stage = async (contents: unknown) => {
      const staged = `import-${crypto.randomUUID()}`;
      await background.store.stage(new Blob([JSON.stringify(contents)]), staged);
      return background.ask('packs:import', { staged });
    };
    expect(value(await stage(mine)).corrections).toBeUndefined();
    const correction = {
      id: 'c-file1',
      surface: 'Washington',
      // A file cannot make one name stand for another: the folded form is derived again.
      folded: 'daraa',
      site: 'a.example',
      action: 'never',
      createdAt: 7,
    };
    expect(
      value(await stage({ ...mine, id: 'my-corrections', corrections: [correction] })).corrections,
    ).toBe(1);
    // Corrections without entities add no empty pack.
    expect(
      value(await background.ask('packs:list', {}, OPTIONS)).imported.map((p) => p.id),
    ).toEqual(['my-entities']);
    expect(value(await background.ask('corrections:list', {}, OPTIONS))).toEqual([
      expect.objectContaining({ id: 'c-file1', folded: 'washington' }),
    ]);
    const broken = await stage({ ...mine, corrections: [{ ...correction, action: 'delete-all' }] });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors[0]).toMatch(/^pack, field corrections\[0\]\.action: /);
  });

  it('explains a selection: what the packs say it names, corrections applied', async () => {
    expect(
      value(
        await background.ask('page:explain', { text: ' Daraa ' }, page(1, 'https://a.example/')),
      ),
    ).toMatchObject({ entity: { id: 'Q238217', kind: 'place' }, surface: 'Daraa' });
    expect(
      value(
        await background.ask('page:explain', { text: 'Washington' }, page(1, 'https://a.example/')),
      ),
    ).toMatchObject({ entity: { id: 'Q61' }, surface: 'Washington' });
    expect(
      value(
        await background.ask(
          'page:explain',
          { text: 'nothing here' },
          page(1, 'https://a.example/'),
        ),
      ),
    ).toBeNull();
  });
});

describe('background: correction messages are checked by sender and shape', () => {
  const add = { surface: 'Washington', action: 'never', scope: 'site' } as const;

  it('only the card frame may make a correction, only our pages may list or undo them', async () => {
    for (const as of [page(1, 'https://a.example/'), OPTIONS]) {
      const refused = await background.ask('correction:add', add, as);
      expect(refused).toEqual({
        ok: false,
        errors: ['correction:add is not allowed from this sender'],
      });
      expect((await background.ask('correction:options', { id: 'Q61', surface: 'x' }, as)).ok).toBe(
        false,
      );
    }
    for (const as of [page(1, 'https://a.example/'), card(1)]) {
      expect((await background.ask('corrections:list', {}, as)).ok).toBe(false);
      expect((await background.ask('corrections:clear', {}, as)).ok).toBe(false);
      expect((await background.ask('corrections:remove', { id: 'c-1234' }, as)).ok).toBe(false);
    }
    expect(background.storedCorrections()).toBeNull();
    expect(await background.ask('page:explain', { text: 'Daraa' }, card(1))).toMatchObject({
      ok: false,
    });
  });

  it('refuses a malformed or forged correction, storing nothing', async () => {
    await marked(1, 'https://a.example/story', TEXT);
    const bad = [
      { ...add, action: 'choose' },
      { ...add, entity: 'Q61' },
      { ...add, scope: 'https://other.example' },
      { ...add, site: 'other.example' },
      { ...add, surface: 'x'.repeat(500) },
    ];
    for (const payload of bad)
      expect((await background.ask('correction:add', payload as never, card(1))).ok).toBe(false);
    // Not one of the packs' candidates for the name: a card cannot make a name mean anything.
    const forged = await background.ask(
      'correction:add',
      { surface: 'Washington', action: 'choose', entity: 'Q238217', scope: 'site' },
      card(1),
    );
    expect(forged.ok).toBe(false);
    expect(background.storedCorrections()).toBeNull();
    expect(background.corrected()).toBe(0);
  });
});
