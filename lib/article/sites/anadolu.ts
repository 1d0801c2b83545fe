import type { SiteRule } from './types';

// Anadolu Agency: stories at /<lang>/<section>/<slug>/<number>; fronts are /en, /tr, /en/<section>.
export const anadolu: SiteRule = {
  hosts: ['aa.com.tr'],
  body: ['.detay-icerik', '.detay-spot-category + div', '[class*="detay-icerik"]'],
  story: ['.detay-spot-category', '.col-md-10 .detay'],
  exclude: ['.detay-foto-editor', '.sticky-share', '.etiketler', '.haber-etiket', '.detay-paylas'],
  fronts: [/^\/[a-z]{2}\/?$/, /^\/[a-z]{2}\/[a-z-]+\/?$/, /^\/[a-z]{2}\/(search|arama)/],
};
