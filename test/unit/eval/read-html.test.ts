import { describe, expect, it } from 'vitest';
import { readHtml } from '../../../scripts/eval/read-html';

describe('reading a fetched page as the extension would', () => {
  it('reads the article after an SVG sprite with a style in it', () => {
    // happy-dom's parser drops everything after an SVG <style>; a browser does not.
    const page = readHtml(
      '<!DOCTYPE html><html lang="it"><body><svg><symbol id="logo"><style>.st0 {fill:#036;}' +
        '</style></symbol></svg><p>Temperature record in Austria e in Svezia.</p></body></html>',
    );
    expect(page.segments.map((segment) => segment.text)).toEqual([
      'Temperature record in Austria e in Svezia.',
    ]);
    expect(page.language).toBe('it');
    page.close();
  });
});
