/** The CSS Custom Highlight API, which happy-dom lacks: a registry of named sets of ranges. */
export function installFakeHighlights(): Map<string, Set<AbstractRange>> {
  const registry = new Map<string, Set<AbstractRange>>();
  class FakeHighlight extends Set<AbstractRange> {
    priority = 0;
  }
  // The test environment copies the window's globals: both must see the same registry.
  const css = { highlights: registry };
  for (const scope of [globalThis, window]) {
    Object.defineProperty(scope, 'Highlight', { value: FakeHighlight, configurable: true, writable: true });
    Object.defineProperty(scope, 'CSS', { value: css, configurable: true, writable: true });
  }
  return registry;
}

/** The text of each highlighted range, by highlight name, in document order. */
export function highlighted(registry: Map<string, Set<AbstractRange>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, set] of registry) {
    const ranges = [...set] as Range[];
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    if (ranges.length) out[name] = ranges.map((r) => r.toString());
  }
  return out;
}
