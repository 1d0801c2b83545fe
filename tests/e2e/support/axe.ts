import { readFileSync } from 'node:fs';
import type { Tab } from './browsers';
import { inGlossUi } from './gloss-ui';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

export interface Finding {
  id: string;
  impact: string;
  nodes: string[];
}

/**
 * Runs axe-core over the page (or the element `selector` picks) and returns the serious
 * and critical violations. axe is evaluated through the driver, which the extension
 * pages' content security policy does not stop.
 */
export async function seriousViolations(tab: Tab, selector = 'html'): Promise<Finding[]> {
  // Both drivers take a script's source as text: evaluated that way, it defines `window.axe`.
  await (tab.raw as { evaluate(source: string): Promise<unknown> }).evaluate(AXE);
  return tab.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: object): Promise<{ violations: { id: string; impact?: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    const { violations } = await axe.run(document.querySelector(sel!), { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact!, nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`) }));
  }, selector);
}

/**
 * Gloss's page interface lives in a closed shadow root that axe cannot enter. Its markup
 * and styles, as they are on screen, are copied into an open shadow root in the same
 * page (the original hidden), where axe checks them in the page's own colour scheme.
 */
export async function copyGlossUiForAxe(tab: Tab): Promise<string> {
  const html = await inGlossUi(tab, (root) => root.innerHTML);
  if (!html) throw new Error('Gloss shows nothing on this page');
  await tab.evaluate((markup) => {
    document.querySelector<HTMLElement>('gloss-host')!.style.display = 'none';
    document.getElementById('gloss-axe-copy')?.remove();
    const host = document.createElement('div');
    host.id = 'gloss-axe-copy';
    document.documentElement.append(host);
    // The copy is the card's own markup, which the card renders from text only.
    host.attachShadow({ mode: 'open' }).innerHTML = markup!;
  }, html);
  return '#gloss-axe-copy';
}
