/**
 * The English catalogue, built into every bundle that shows text: it is the default locale, the
 * fallback for any message another catalogue lacks, and what views render before (or without)
 * a chosen language. Other catalogues are fetched when a reader or a page needs them.
 */
import catalogue from '../../public/_locales/en/messages.json';
import { createTranslator } from './translator';

export const ENGLISH = createTranslator('en', catalogue);
