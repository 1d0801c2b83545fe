import type { Plugin } from 'vite';

const ASSIGNMENT = /(\b[\w$]+)\.innerHTML=([\w$]+)\.__html/g;

/**
 * Gloss renders text from packs and never needs `dangerouslySetInnerHTML`. This removes
 * Preact's one innerHTML assignment from the bundle, so no path in the extension can turn
 * a string into markup (and the store linters have nothing to flag). If a Preact update
 * changes that code, the build fails here instead of silently keeping the sink.
 */
export function noInnerHtml(): Plugin {
  return {
    name: 'gloss:no-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/.test(id.split('?')[0]!)) return null;
      const count = code.match(ASSIGNMENT)?.length ?? 0;
      if (count !== 1) {
        this.error(`expected one innerHTML assignment in Preact, found ${count}`);
      }
      return {
        code: code.replace(ASSIGNMENT, () => '(()=>{throw Error("Gloss never sets innerHTML")})()'),
        map: null,
      };
    },
  };
}
