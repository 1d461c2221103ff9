import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { request } from '@/utils/messages/client';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main() {
    await request((message) => browser.runtime.sendMessage(message), 'page:ready', {
      url: location.href,
      title: document.title,
    });
  },
});
