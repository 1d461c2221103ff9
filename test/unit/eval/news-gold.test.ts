/**
 * The hand-judged gold for real news pages (`test/eval/news-pages.gold.json`) is data typed by
 * hand: these checks keep its shape honest, so the evaluation never trips over a typo.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PageGold } from '../../../scripts/eval/gold';
import { ENTITY_KINDS } from '../../../utils/knowledge/schema';

const gold = JSON.parse(
  readFileSync(new URL('../../eval/news-pages.gold.json', import.meta.url), 'utf8'),
) as PageGold[];

describe('news-pages gold', () => {
  it('covers at least 40 pages from 25 outlets, with a dozen not in English', () => {
    expect(gold.length).toBeGreaterThanOrEqual(40);
    expect(new Set(gold.map((p) => p.outlet)).size).toBeGreaterThanOrEqual(25);
    expect(gold.filter((p) => p.language !== 'en').length).toBeGreaterThanOrEqual(12);
  });

  it('names each page by repository, full commit and path, once', () => {
    const keys = gold.map((p) => `${p.repo}:${p.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const p of gold) {
      expect(p.repo).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(p.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(p.language).toMatch(/^[a-z]{2}$/);
      if (p.date) expect(p.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('gives every entity names, a label, a known kind and a well-formed id', () => {
    for (const p of gold) {
      const labels = p.entities.map((e) => e.label);
      expect(new Set(labels).size, p.outlet).toBe(labels.length);
      expect(
        p.entities.some((e) => !e.optional),
        p.outlet,
      ).toBe(true);
      for (const e of p.entities) {
        expect(e.names.length, e.label).toBeGreaterThan(0);
        for (const n of e.names) expect(n.trim(), e.label).toBe(n);
        expect(ENTITY_KINDS).toContain(e.kind);
        if (e.qid !== undefined) expect(e.qid).toMatch(/^Q[1-9]\d*$/);
      }
      for (const t of p.traps ?? []) expect(t.text.length * t.note.length).toBeGreaterThan(0);
    }
  });

  it('gives one id one label across pages', () => {
    const labelOf = new Map<string, string>();
    for (const e of gold.flatMap((p) => p.entities)) {
      if (!e.qid) continue;
      expect(labelOf.get(e.qid) ?? e.label, e.qid).toBe(e.label);
      labelOf.set(e.qid, e.label);
    }
  });
});
