import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Options } from '@/components/Options';
import '@/components/ui.css';

const root = document.getElementById('app');
if (root) render(<Options version={browser.runtime.getManifest().version} />, root);
