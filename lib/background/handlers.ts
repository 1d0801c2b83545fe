import type { HandlerSet } from '../messaging/server';

export interface BackgroundDeps {
  version: string;
}

/** The background's answers, as a flat object of named async functions per channel. */
export function createHandlers(deps: BackgroundDeps): HandlerSet {
  return {
    content: {
      async hello() {
        return { version: deps.version, enabled: true };
      },
    },
    ui: {
      async hello() {
        return { version: deps.version, enabled: true };
      },
    },
  };
}
