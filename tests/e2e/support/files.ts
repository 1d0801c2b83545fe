import type { Tab } from './browsers';

/**
 * Catches the files a page offers for download (a Blob behind an `<a download>`), so a
 * test reads them without a download dialog; `savedFiles` returns them.
 */
export function catchDownloads(page: Tab): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __saved: { name: string; text: string }[]; __blobs: Map<string, Blob> };
    w.__saved = [];
    w.__blobs = new Map();
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      const url = create(blob);
      if (blob instanceof Blob) w.__blobs.set(url, blob);
      return url;
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      const blob = this.download ? w.__blobs.get(this.href) : undefined;
      if (!blob) return click.call(this);
      void blob.text().then((text) => w.__saved.push({ name: this.download, text }));
    };
  });
}

export async function savedFiles(page: Tab, n: number): Promise<{ name: string; text: string }[]> {
  await page.waitFor((count) => (window as unknown as { __saved: unknown[] }).__saved.length >= count, n);
  return page.evaluate(() => (window as unknown as { __saved: { name: string; text: string }[] }).__saved);
}

/** Hands a file to a file input, as choosing it in the file dialog would. */
export function chooseFile(page: Tab, selector: string, name: string, text: string): Promise<void> {
  return page.evaluate(
    ([sel, fileName, content]) => {
      const input = document.querySelector<HTMLInputElement>(sel!)!;
      const files = new DataTransfer();
      files.items.add(new File([content!], fileName!, { type: 'application/json' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [selector, name, text],
  );
}
