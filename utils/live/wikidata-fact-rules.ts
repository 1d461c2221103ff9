/**
 * Which Wikidata properties become a card's dated facts, and how each is dated. The table is the
 * only place to change to add a fact; `wikidata-facts.ts` applies it.
 */

/** How a property's statements are dated. */
export type Dating =
  /** P580/P582 qualifiers: an office held, a capital, a country. */
  | 'span'
  /** P585 qualifier: a measurement, holding until the next one. */
  | 'point'
  /** The value is itself the date of a change (death, dissolution): the fact holds from then. */
  | 'event'
  /** A date that is background, never news (birth, founding). */
  | 'none';

export interface FactRule {
  property: string;
  label: string;
  /** The label in Arabic, for the pack's per-language text. */
  labelAr: string;
  value: 'item' | 'quantity' | 'time';
  dating: Dating;
  /** One value at a time (a country has one capital): an open statement ends where the next begins. */
  single?: boolean;
  /** Undated statements are left out: an undated office would read as held at every date. */
  needsDates?: boolean;
}

/** The properties turned into facts, in the order a card lists them. */
export const FACT_RULES: readonly FactRule[] = [
  {
    property: 'P39',
    label: 'Office',
    labelAr: 'المنصب',
    value: 'item',
    dating: 'span',
    needsDates: true,
  },
  {
    property: 'P35',
    label: 'Head of state',
    labelAr: 'رئيس الدولة',
    value: 'item',
    dating: 'span',
    single: true,
  },
  {
    property: 'P6',
    label: 'Head of government',
    labelAr: 'رئيس الحكومة',
    value: 'item',
    dating: 'span',
    single: true,
  },
  {
    property: 'P36',
    label: 'Capital',
    labelAr: 'العاصمة',
    value: 'item',
    dating: 'span',
    single: true,
  },
  {
    property: 'P17',
    label: 'Country',
    labelAr: 'الدولة',
    value: 'item',
    dating: 'span',
    single: true,
  },
  { property: 'P102', label: 'Party', labelAr: 'الحزب', value: 'item', dating: 'span' },
  {
    property: 'P1082',
    label: 'Population',
    labelAr: 'عدد السكان',
    value: 'quantity',
    dating: 'point',
    single: true,
  },
  { property: 'P571', label: 'Founded', labelAr: 'تاريخ التأسيس', value: 'time', dating: 'none' },
  { property: 'P576', label: 'Dissolved', labelAr: 'تاريخ الحل', value: 'time', dating: 'event' },
  { property: 'P569', label: 'Born', labelAr: 'تاريخ الولادة', value: 'time', dating: 'none' },
  { property: 'P570', label: 'Died', labelAr: 'تاريخ الوفاة', value: 'time', dating: 'event' },
];
