import { render } from 'preact';
import { CardFrame } from '@/utils/card/card-frame';
import type { UiLanguage } from '@/utils/i18n/languages';
import type { Translator } from '@/utils/i18n/translator';
import type { BackgroundProtocol } from '@/utils/messages/background-messages';
import { unwrap } from '@/utils/messages/client';
import type { Result } from '@/utils/messages/protocol';
import { EntityCard } from './EntityCard';
import { I18n } from './i18n';

/** A question to the background, asked as the card frame. */
export type AskAsCard = <N extends keyof BackgroundProtocol & string>(
  name: N,
  payload: BackgroundProtocol[N]['request'],
) => Promise<Result<BackgroundProtocol[N]['response']>>;

/** What the card frame needs from where it runs: the extension page, or a test's document. */
export interface CardFramePlatform {
  /** The frame's window: greetings and keys arrive there. */
  win: Window;
  /** Where the card is drawn. */
  root: HTMLElement;
  ask: AskAsCard;
  readerLanguage(): Promise<UiLanguage>;
  translator(language: UiLanguage): Promise<Translator>;
  imageOrigins: readonly string[];
  now(): number;
  /** The card's language changed: the page's own language and title follow (the real frame). */
  onLanguage?(t: Translator): void;
}

/**
 * The card frame's one composition root, used by `entrypoints/card/main.tsx` and by the tests: a
 * {@link CardFrame} that asks the background for everything it shows and draws the
 * {@link EntityCard} into `root`, listening for the page's greeting on `win`.
 */
export function startCardFrame(platform: CardFramePlatform): CardFrame {
  const { ask, root } = platform;
  const frame = new CardFrame({
    win: platform.win,
    token: async () => {
      const answer = await ask('card:hello', {});
      return answer.ok ? answer.value.token : null;
    },
    card: async (id) => unwrap(await ask('card:data', { id })),
    map: async (id) => unwrap(await ask('map:locator', { id })),
    readerLanguage: platform.readerLanguage,
    translator: platform.translator,
    live: async (id, part) => unwrap(await ask('card:live', { id, part })),
    correctionOptions: async (id, surface) =>
      unwrap(await ask('correction:options', { id, surface })),
    correct: async (request) => unwrap(await ask('correction:add', request)),
    imageOrigins: platform.imageOrigins,
    render: (model, look) => {
      platform.onLanguage?.(look.t);
      render(
        model ? (
          <I18n.Provider value={look.t}>
            <div class="frame">
              <EntityCard
                model={model}
                onClose={look.onClose}
                scheme={look.scheme}
                maxWidth={look.maxWidth}
                maxHeight={look.maxHeight}
                {...(look.correction ? { correction: look.correction } : {})}
              />
            </div>
          </I18n.Provider>
        ) : null,
        root,
      );
    },
    cardElement: () => root.querySelector<HTMLElement>('.card'),
    box: () => root.querySelector<HTMLElement>('.frame'),
    now: platform.now,
  });
  platform.win.addEventListener('message', (event) => void frame.accept(event as MessageEvent));
  return frame;
}
