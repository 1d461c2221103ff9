import { type ComponentChildren, createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { ENGLISH } from '@/utils/i18n/english';
import type { MessageKey, PluralKey, Translator } from '@/utils/i18n/translator';

/** The translator views speak through; English unless a page provides another. */
export const I18n = createContext<Translator>(ENGLISH);

/** The translator of the view being rendered. */
export function useI18n(): Translator {
  return useContext(I18n);
}

type MessageProps = {
  /** Substitutions, `$1` first: text, numbers, or elements such as a `<time>`. */
  values?: ComponentChildren[];
} & ({ id: MessageKey; count?: undefined } | { id: PluralKey; count: number });

/**
 * A message with each substitution isolated in a `<bdi>`, so a Latin name in Arabic text (or an
 * Arabic one in English) keeps its own direction and cannot reorder the words around it. With
 * `count`, the plural form for that count, the count being `$1`.
 */
export function Message({ id, count, values = [] }: MessageProps) {
  const t = useI18n();
  const key = count === undefined ? id : t.pluralKey(id, count);
  const all = count === undefined ? values : [t.number(count), ...values];
  return (
    <>
      {t.parts(key as MessageKey).map((part) => {
        if (typeof part === 'string') return part;
        // The count is digits, which keep their order in either direction: no isolate needed.
        if (count !== undefined && part.value === 0) return all[0];
        return <bdi>{all[part.value] ?? ''}</bdi>;
      })}
    </>
  );
}
