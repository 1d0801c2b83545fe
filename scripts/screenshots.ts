/**
 * `npm run screenshots`: the store images (1280×800 screenshots, 440×280 tiles) from the
 * built extension (`npm run build` first) into .output/store-images/.
 */
import { makeStoreImages } from './store-images/shoot';

const OUT = '.output/store-images';
const started = Date.now();
console.log(`Store images from .output/chrome-mv3 in Chromium, into ${OUT}/`);
const { files } = await makeStoreImages(OUT, (line) => console.log(line));
console.log(`${files.length} images in ${((Date.now() - started) / 1000).toFixed(1)} s`);
