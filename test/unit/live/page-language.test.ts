import { describe, expect, it } from 'vitest';
import { wikipediaLanguage } from '@/utils/live/page-language';

describe('which Wikipedia a page is looked up in', () => {
  const spanish =
    'El presidente dijo que los ministros de la región se reunirán con el gobierno para hablar del acuerdo, según fuentes del partido.';
  const french =
    'Le président a déclaré que les ministres de la région se réuniront avec le gouvernement pour discuter des accords dans la semaine.';

  it('believes the page’s declared language when its text agrees', () => {
    expect(wikipediaLanguage('fr-FR', french)).toBe('fr');
    expect(wikipediaLanguage('es', spanish)).toBe('es');
  });

  it('goes by the text when the page declares its template’s language', () => {
    expect(wikipediaLanguage('en', spanish)).toBe('es');
    expect(wikipediaLanguage(undefined, french)).toBe('fr');
  });

  it('asks the Arabic Wikipedia for Arabic text, whatever is declared', () => {
    expect(
      wikipediaLanguage('en', 'قال الرئيس إن الوفد وصل إلى مدينة الإسكندرية أمس لبحث الاتفاق.'),
    ).toBe('ar');
  });

  it('falls back to English for languages it does not ask, or too little text', () => {
    expect(wikipediaLanguage('ja', '東京で会議が開かれた。')).toBe('en');
    expect(wikipediaLanguage(undefined, 'Hello')).toBe('en');
    expect(
      wikipediaLanguage(
        'de',
        'Die Regierung und der Bundestag haben das Gesetz nicht mit der Mehrheit beschlossen, für die es eine Zustimmung braucht.',
      ),
    ).toBe('de');
  });
});
