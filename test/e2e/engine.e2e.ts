import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BROWSERS, type ExtensionBrowser, launchBrowser } from './harness/browsers';
import { quietFor, timeEffect } from './harness/control';
import { ArticlePage, markTexts, PopupPage, sendToTab, writeSettings } from './harness/pages';

const EXPECTED = [
  'Daraa',
  'Bashar al-Assad',
  'Assad regime',
  'Daraa al-Balad',
  'Russian mediators',
  'SANA',
  'Nasib border crossing',
  'Deraa',
  'درعا',
  'Syrian regime',
];

/** How long a long page's unread end is watched before saying it stayed unread (see `timeEffect`). */
const QUIET_MS = 3000;

beforeAll(() => {
  // A long article (about 300 KB of text): Amman at the top, Bashar al-Assad in its last paragraph.
  const filler = ' The talks went on through the night and into the next morning.'.repeat(16);
  const paragraphs = Array.from({ length: 300 }, (_, i) => `<p>Part ${i + 1}.${filler}</p>`);
  const dir = resolve('test/fixtures/pages/generated');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    resolve(dir, 'long-article.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long article</title></head><body><p id="lead">Envoys met in Amman.</p>${paragraphs.join('')}<p id="end">Bashar al-Assad was not heard from.</p></body></html>`,
  );
});

describe.each(BROWSERS)('entity engine in %s', (browserName) => {
  let browser: ExtensionBrowser;
  const url = `${inject('origin')}/engine/mentions.html`;

  beforeAll(async () => {
    browser = await launchBrowser(browserName);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('marks the mentions a reader sees, across inline markup, and nothing in fields, editors or code', async () => {
    const article = await ArticlePage.open(browser, url);
    const marks = await article.waitForMarks((found) =>
      EXPECTED.every((text) => markTexts(found).includes(text)),
    );
    const texts = markTexts(marks);
    for (const text of EXPECTED) expect(texts).toContain(text);
    // One highlight, named by the style alone: the page learns which words, never which kind.
    expect(new Set(marks.map((mark) => mark.slice(0, mark.indexOf(': '))))).toEqual(
      new Set(['backstory-underline']),
    );
    // Nothing inside the form fields, the editable region or the code block.
    const inside = await article.page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> })
        .highlights;
      const excluded = ['field', 'area', 'editable', 'code'].map((id) =>
        document.getElementById(id),
      );
      let count = 0;
      for (const highlight of registry.values()) {
        for (const range of highlight) {
          if (excluded.some((el) => el?.contains(range.startContainer))) count++;
        }
      }
      return count;
    });
    expect(inside).toBe(0);
    await article.close();
  });

  it('reads a long page as the reader goes: its end is marked once they get there, and the popup lists it all', async () => {
    const longUrl = `${inject('origin')}/generated/long-article.html`;
    const article = await ArticlePage.open(browser, longUrl);
    await article.waitForMarks((found) => markTexts(found).includes('Amman'));
    await quietFor(QUIET_MS);
    expect(markTexts(await article.marks())).not.toContain('Bashar al-Assad');
    // Control: the reader goes to the end, and it is marked sooner than the wait above.
    const took = await timeEffect(
      () => article.page.evaluate(() => document.getElementById('end')?.scrollIntoView()),
      () => article.waitForMarks((found) => markTexts(found).includes('Bashar al-Assad')),
    );
    expect(took).toBeLessThan(QUIET_MS);
    await article.close();
    // Without scrolling, the popup still lists the whole page's names: it has the rest read.
    const unscrolled = await ArticlePage.open(browser, longUrl);
    await unscrolled.waitForMarks((found) => markTexts(found).includes('Amman'));
    const popup = await PopupPage.openFor(browser, longUrl);
    await popup.page.waitFor(() =>
      [...document.querySelectorAll('.entity-button__name')].some(
        (name) => name.textContent === 'Bashar al-Assad',
      ),
    );
    expect((await popup.entities()).map((line) => line.trim()).sort()).toEqual([
      'Amman 1',
      'Bashar al-Assad 1',
    ]);
    await popup.close();
    await unscrolled.close();
  });

  it('never changes an input value or the page text', async () => {
    const article = await ArticlePage.open(browser, url);
    // Every mention marked first: the page is compared once Backstory has done all it does.
    await article.waitForMarks((found) =>
      EXPECTED.every((text) => markTexts(found).includes(text)),
    );
    const values = await article.page.evaluate(() => ({
      field: (document.getElementById('field') as HTMLInputElement).value,
      area: (document.getElementById('area') as HTMLTextAreaElement).value,
    }));
    expect(values).toEqual({ field: 'Daraa and SANA', area: 'Bashar al-Assad in Daraa' });
    const { live, source } = await article.liveAndSourceBodies();
    expect(live).toBe(source);
    await article.close();
  });

  it('marks text that arrives after the page loaded', async () => {
    const article = await ArticlePage.open(browser, url);
    await article.waitForMarks((found) => markTexts(found).includes('SANA'));
    await article.page.evaluate(() => {
      const update = document.createElement('p');
      update.textContent = 'Live update: Jordan closed the Nasib crossing near Amman.';
      document.getElementById('live')?.append(update);
    });
    const marks = await article.waitForMarks((found) =>
      markTexts(found).includes('Nasib crossing'),
    );
    expect(markTexts(marks)).toContain('Nasib crossing');
    await article.close();
  });

  it('moves a keyboard focus mark from mention to mention (the next/previous mention commands)', async () => {
    const article = await ArticlePage.open(browser, url);
    await article.waitForMarks((found) => markTexts(found).includes('SANA'));
    const first = (await sendToTab(browser, url, 'content:step', { direction: 1 })) as {
      ok: boolean;
      value: { entity: string };
    };
    expect(first.ok).toBe(true);
    let marks = await article.waitForMarks((found) =>
      found.some((mark) => mark.startsWith('backstory-focus: ')),
    );
    expect(marks.filter((mark) => mark.startsWith('backstory-focus: '))).toEqual([
      'backstory-focus: Daraa',
    ]);
    await sendToTab(browser, url, 'content:step', { direction: 1 });
    marks = await article.waitForMarks((found) => !found.includes('backstory-focus: Daraa'));
    expect(marks.filter((mark) => mark.startsWith('backstory-focus: '))).toEqual([
      'backstory-focus: regime forces',
    ]);
    await sendToTab(browser, url, 'content:step', { direction: -1 });
    await article.waitForMarks((found) => found.includes('backstory-focus: Daraa'));
    await article.close();
  });

  it('turning Backstory off unmarks the page and leaves it exactly as it was; on marks it again', async () => {
    const article = await ArticlePage.open(browser, url);
    await article.waitForMarks((found) => markTexts(found).includes('SANA'));
    await writeSettings(browser, { enabled: false });
    await article.waitForMarks((found) => found.length === 0);
    const { live, source } = await article.liveAndSourceBodies();
    expect(live).toBe(source);
    await writeSettings(browser, { enabled: true });
    const marks = await article.waitForMarks((found) => markTexts(found).includes('SANA'));
    expect(markTexts(marks)).toContain('Bashar al-Assad');
    await article.close();
  });
});
