/**
 * The pack's text in the card's language: each field from the pack's `translations` where it has
 * that language, else the English the pack is written in, flagged so the card can say so and mark
 * the English for screen readers. Generated fact labels ("Capital", "Population") come from the
 * catalogue instead, since the generators write them in English only.
 */
import type { MessageKey, Translator } from '../i18n/translator';
import type { Fact } from '../knowledge/schema';

/** Text for the card, and the language it is in when that is not the card's own (English). */
export interface Localised {
  text: string;
  /** Set only when the text fell back to English on a card in another language. */
  lang?: 'en';
}

type Translations<F extends string> = Record<string, Partial<Record<F, string>>> | undefined;

/** A field in `language`, else its English (flagged when the card is not English). */
export function localised<F extends string>(
  english: string,
  translations: Translations<F>,
  field: F,
  language: string,
): Localised {
  if (language === 'en') return { text: english };
  const text = translations?.[language]?.[field];
  return text ? { text } : { text: english, lang: 'en' };
}

/** Fact labels the generators write, with their catalogue messages. */
export const FACT_LABELS: Record<string, MessageKey> = {
  Population: 'fact_population',
  Office: 'fact_office',
  Founded: 'fact_founded',
  Dissolved: 'fact_dissolved',
  Party: 'fact_party',
  'ISO 3166-1 code': 'fact_iso_3166_1',
  'ISO 3166-2': 'fact_iso_3166_2',
  'Head of government': 'fact_head_of_government',
  'Head of state': 'fact_head_of_state',
  'Prime Minister': 'fact_prime_minister',
  'Prime minister': 'fact_prime_minister',
  President: 'fact_president',
  Chancellor: 'fact_chancellor',
  Country: 'fact_country',
  Region: 'fact_region',
  Headquarters: 'fact_headquarters',
  Languages: 'fact_languages',
  Area: 'fact_area',
  Currency: 'fact_currency',
  Capital: 'fact_capital',
  Capitals: 'fact_capitals',
  'Capital of': 'fact_capital_of',
  'Official name': 'fact_official_name',
  'UN membership': 'fact_un_membership',
  Members: 'fact_members',
  'Member states': 'fact_member_states',
  Status: 'fact_status',
};

/** Fact values the generators write in words, with their catalogue messages. */
const FACT_VALUES: Record<string, MessageKey> = {
  'Member state': 'fact_value_member_state',
};

/**
 * A value that reads the same in any language: figures, dates, codes ("97,969", "1945",
 * "SY / SYR", "185,180 km²", "SY-DR").
 */
export function isLanguageNeutral(value: string): boolean {
  return (
    /^[\d\s.,:;/()%+\-–—²°]*(km²|km)?[\d\s.,()]*$/.test(value) ||
    /^[A-Z]{2,3}(-[A-Z0-9]{1,3})?( \/ [A-Z]{3})?$/.test(value)
  );
}

/** A fact's label and value in the card's language. */
export function localisedFact(fact: Fact, t: Translator): { label: Localised; value: Localised } {
  const language = t.language;
  const own = fact.translations?.[language];
  const labelKey = FACT_LABELS[fact.label];
  const valueKey = FACT_VALUES[fact.value];
  const label: Localised =
    language === 'en' || own?.label
      ? localised(fact.label, fact.translations, 'label', language)
      : labelKey
        ? { text: t.t(labelKey) }
        : { text: fact.label, lang: 'en' };
  const value: Localised =
    language === 'en' || own?.value
      ? localised(fact.value, fact.translations, 'value', language)
      : valueKey
        ? { text: t.t(valueKey) }
        : isLanguageNeutral(fact.value)
          ? { text: fact.value }
          : { text: fact.value, lang: 'en' };
  return { label, value };
}
