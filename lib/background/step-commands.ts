import { browser } from 'wxt/browser';
import { tabClient } from '../messaging/browser-clients';

/** The manifest's commands (wxt.config.ts) and the way each steps. */
export const STEP_COMMANDS: Readonly<Record<string, 1 | -1>> = { 'next-mention': 1, 'previous-mention': -1 };

/**
 * Relays the keyboard commands to the content script of the active tab. The content
 * script also listens for the same keys itself, for pages where the browser hands the
 * keys to the page instead.
 */
export function relayStepCommands(): void {
  browser.commands?.onCommand.addListener((command, tab) => {
    const direction = STEP_COMMANDS[command];
    if (!direction) return;
    void (async () => {
      const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      // A tab without Gloss on it has no one to answer: nothing to do.
      if (id !== undefined) await tabClient(id).call('step', { direction });
    })();
  });
}
