// The publishers' WordPress import reads post HTML: its cost must grow with the input's
// length alone, hostile markup included. Figures: ordinary post HTML against runs of
// unclosed tags of the same size.
import { htmlToBlocks, linksIn } from '../../cli/wordpress/html-text';

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export async function benchWordpressHtml(log: (line: string) => void): Promise<void> {
  const size = 120 * 1024;
  const post = '<p>Envoys of <a href="https://example.org/x">North Korea</a> and Japan met on Tuesday.</p>\n';
  const inputs: [string, string][] = [
    ['ordinary post HTML', post.repeat(Math.ceil(size / post.length)).slice(0, size)],
    ['"<a " repeated', '<a '.repeat(size / 3)],
    ['"<script " repeated', '<script '.repeat(size / 8)],
    ['"<!--" repeated', '<!--'.repeat(size / 4)],
  ];
  // Warm up once, so the baseline is not the first run.
  htmlToBlocks(inputs[0]![1]);
  const baseline = time(() => {
    htmlToBlocks(inputs[0]![1]);
    linksIn(inputs[0]![1]);
  });
  for (const [name, html] of inputs) {
    const ms = time(() => {
      htmlToBlocks(html);
      linksIn(html);
    });
    log(`${name}, 120 KB: ${ms.toFixed(1)} ms (${(ms / baseline).toFixed(2)}× ordinary HTML)`);
  }
}
