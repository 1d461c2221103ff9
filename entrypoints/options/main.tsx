import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Localised } from '@/components/Localised';
import { OptionsContainer } from '@/components/OptionsContainer';
import { extensionTranslator } from '@/utils/i18n/browser-catalogues';
import { KnowledgeStore } from '@/utils/knowledge/knowledge-store';
import { askBackground } from '@/utils/messages/client';
import { readSettings, watchSettings, writeSettings } from '@/utils/settings/storage';
import '@/components/ui.css';

function download(name: string, contents: string): void {
  const url = URL.createObjectURL(new Blob([contents], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const root = document.getElementById('app');
const browserLanguage = browser.i18n.getUILanguage();
if (root) {
  render(
    <Localised
      title="options_title"
      deps={{
        readSettings,
        watchSettings,
        browserLanguage,
        load: extensionTranslator,
        doc: document,
      }}
    >
      <OptionsContainer
        deps={{
          version: browser.runtime.getManifest().version,
          browserLanguage,
          readSettings,
          writeSettings,
          watchSettings,
          ask: (name, payload) =>
            askBackground((message) => browser.runtime.sendMessage(message), name, payload),
          download,
          stage: async (file) => {
            const key = `import-${crypto.randomUUID()}`;
            const store = new KnowledgeStore();
            await store.stage(file, key);
            await store.close();
            return key;
          },
        }}
      />
    </Localised>,
    root,
  );
}
