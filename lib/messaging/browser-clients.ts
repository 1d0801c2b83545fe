import { browser } from 'wxt/browser';
import { createClient } from './client';

/** The clients each context uses; the transport is the extension's runtime messaging. */
export const contentClient = () =>
  createClient('content', (message) => browser.runtime.sendMessage(message));
export const uiClient = () => createClient('ui', (message) => browser.runtime.sendMessage(message));
/** Calls to the content script of one tab, from the popup or the background. */
export const tabClient = (tabId: number) =>
  createClient('tab', (message) => browser.tabs.sendMessage(tabId, message));
