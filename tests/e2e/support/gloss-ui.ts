import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import type { Tab } from './browsers';

/**
 * Runs `fn` on Gloss's closed shadow root, in the page, and returns its JSON-able result.
 * The page itself cannot reach a closed shadow root, which is the point of it; a test
 * gets there through the browser's debugging protocol: CDP resolves the root's node in
 * Chromium, and WebDriver BiDi serializes closed shadow trees on request in Firefox.
 * Null when Gloss has no interface on the page.
 */
export async function inGlossUi<R, A = undefined>(tab: Tab, fn: (root: ShadowRoot, arg: A) => R, arg?: A): Promise<R | null> {
  const source = `function (arg) { return JSON.stringify((${fn.toString()})(this, JSON.parse(arg)) ?? null); }`;
  const json = JSON.stringify(arg ?? null);
  const out = 'context' in tab.raw ? await viaCdp(tab.raw as PwPage, source, json) : await viaBidi(tab.raw as PpPage, source, json);
  return out === null ? null : (JSON.parse(out) as R);
}

interface CdpNode {
  localName?: string;
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function findHost(node: CdpNode): CdpNode | undefined {
  if (node.localName === 'gloss-host' && node.shadowRoots?.length) return node;
  for (const child of node.children ?? []) {
    const found = findHost(child);
    if (found) return found;
  }
  return undefined;
}

async function viaCdp(page: PwPage, source: string, arg: string): Promise<string | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = findHost(root);
    if (!host) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: host.shadowRoots![0]!.backendNodeId });
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: source,
      arguments: [{ value: arg }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as string;
  } finally {
    await cdp.detach();
  }
}

interface BidiRealm {
  callFunction(fn: string, awaitPromise: boolean, options: object): Promise<{ type: string; result?: BidiValue; exceptionDetails?: { text: string } }>;
}
interface BidiValue {
  type: string;
  sharedId?: string;
  value?: unknown;
}

async function viaBidi(page: PpPage, source: string, arg: string): Promise<string | null> {
  // Puppeteer keeps the raw BiDi realm behind its own wrapper.
  const realm = (page.mainFrame() as unknown as { mainRealm(): { realm: BidiRealm } }).mainRealm().realm;
  const host = await realm.callFunction(`() => document.querySelector('gloss-host')`, false, {
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
    resultOwnership: 'none',
  });
  const shadow = (host.result?.value as { shadowRoot?: BidiValue } | undefined)?.shadowRoot;
  if (host.type !== 'success' || !shadow?.sharedId) return null;
  const answer = await realm.callFunction(source, true, {
    this: { sharedId: shadow.sharedId },
    arguments: [{ type: 'string', value: arg }],
    resultOwnership: 'none',
  });
  if (answer.type !== 'success') throw new Error(answer.exceptionDetails?.text ?? 'evaluation failed');
  return answer.result?.type === 'string' ? (answer.result.value as string) : null;
}
