import { defineConfig } from 'wxt';
import { NEWS_SITE_MATCHES } from './lib/news-sites';
import { noInnerHtml } from './build/no-inner-html';
import { leavesOutStarterFile } from './build/starter-files';

// Firefox gets Manifest V3 too: ESR 153 supports it fully (event-page background,
// scripting.registerContentScripts, optional host permissions), so one manifest shape
// serves both stores and no MV2-only code paths are needed.
export default defineConfig({
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [noInnerHtml()] }),
  hooks: {
    // Only the starter pack's current files go into the package (build/starter-files.ts).
    'build:publicAssets': (wxt, files) => {
      const leaveOut = leavesOutStarterFile(wxt.config.publicDir);
      for (let i = files.length - 1; i >= 0; i--) if (leaveOut(files[i]!.relativeDest)) files.splice(i, 1);
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: 'Gloss',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting: the sites the reader turns on, registered at run time; activeTab: the
    // popup's one-off "Annotate this page", for the tab in front only, at that moment.
    permissions: ['storage', 'alarms', 'scripting', 'activeTab'],
    host_permissions: [...NEWS_SITE_MATCHES],
    // Asked for one origin at a time, when the reader acts: a pack server without CORS
    // (`https://host/*`), or a site the reader turns Gloss on for (`*://host/*`).
    optional_host_permissions: ['*://*/*'],
    action: { default_title: '__MSG_extName__' },
    // Keyboard access to the cards; the content script also hears these keys on the page.
    commands: {
      'next-mention': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_cmdNextMention__' },
      'previous-mention': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_cmdPreviousMention__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'gloss@gloss-extension.org',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android: the highlight registry arrived in 140, data_collection_permissions
            // in 142, and ::highlight() draws text-decoration (Gloss's underline) from 146
            // (docs/mobile.md names each API and how Gloss copes).
            gecko_android: { strict_min_version: '146.0' },
          },
        }
      : {}),
  }),
});
