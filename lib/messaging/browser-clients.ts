import { browser } from 'wxt/browser';
import { createClient } from './client';

/** The clients each context uses; the transport is the extension's runtime messaging. */
export const contentClient = () =>
  createClient('content', (message) => browser.runtime.sendMessage(message));
export const uiClient = () => createClient('ui', (message) => browser.runtime.sendMessage(message));
