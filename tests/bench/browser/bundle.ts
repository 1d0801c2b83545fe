import { build } from 'esbuild';

/** Bundles a browser entry of the benchmarks (Gloss's own modules included) into one script. */
export async function bundle(entry: string): Promise<string> {
  const out = await build({ entryPoints: [entry], bundle: true, format: 'iife', write: false, target: 'chrome120', logLevel: 'silent' });
  return out.outputFiles[0]!.text;
}
