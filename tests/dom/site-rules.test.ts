// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { SITE_RULES, siteRuleFor } from '@/lib/article/sites';
import { NEWS_SITES } from '@/lib/news-sites';

// A story's address and a front's for each default site, as the sites write them.
const ADDRESSES: Record<string, { story: string; fronts: string[] }> = {
  'reuters.com': { story: 'https://www.reuters.com/world/asia-pacific/envoys-meet-in-seoul-2026-11-30/', fronts: ['https://www.reuters.com/', 'https://www.reuters.com/world/asia-pacific/'] },
  'apnews.com': { story: 'https://apnews.com/article/north-korea-russia-3f2a9c0d1b7e4f6a8c5d2e1f0a9b8c7d', fronts: ['https://apnews.com/', 'https://apnews.com/hub/north-korea'] },
  'bbc.com': { story: 'https://www.bbc.com/news/articles/c0abc123xyzo', fronts: ['https://www.bbc.com/news', 'https://www.bbc.com/news/world/asia'] },
  'bbc.co.uk': { story: 'https://www.bbc.co.uk/news/world-asia-67000001', fronts: ['https://www.bbc.co.uk/news/world'] },
  'aljazeera.com': { story: 'https://www.aljazeera.com/news/2026/11/30/envoys-meet-in-seoul', fronts: ['https://www.aljazeera.com/', 'https://www.aljazeera.com/where/north-korea/'] },
  'theguardian.com': { story: 'https://www.theguardian.com/world/2026/nov/30/envoys-meet-in-seoul', fronts: ['https://www.theguardian.com/international', 'https://www.theguardian.com/world/north-korea'] },
  'nytimes.com': { story: 'https://www.nytimes.com/2026/11/30/world/asia/north-korea-russia.html', fronts: ['https://www.nytimes.com/', 'https://www.nytimes.com/section/world/asia'] },
  'yna.co.kr': { story: 'https://en.yna.co.kr/view/AEN20261130000100315', fronts: ['https://en.yna.co.kr/', 'https://en.yna.co.kr/nk/index'] },
  'koreaherald.com': { story: 'https://www.koreaherald.com/article/10123456', fronts: ['https://www.koreaherald.com/', 'https://www.koreaherald.com/list.php'] },
  'nknews.org': { story: 'https://www.nknews.org/2026/11/envoys-meet-in-seoul/', fronts: ['https://www.nknews.org/', 'https://www.nknews.org/category/news/'] },
  'tass.com': { story: 'https://tass.com/world/1890001', fronts: ['https://tass.com/', 'https://tass.com/world'] },
  'tass.ru': { story: 'https://tass.ru/mezhdunarodnaya-panorama/22990001', fronts: ['https://tass.ru/', 'https://tass.ru/politika'] },
  'aa.com.tr': { story: 'https://www.aa.com.tr/en/asia-pacific/envoys-meet-in-seoul/3456789', fronts: ['https://www.aa.com.tr/en', 'https://www.aa.com.tr/tr/dunya'] },
};

describe('site rules', () => {
  it('cover every default news site', () => {
    for (const site of NEWS_SITES) expect(siteRuleFor(`www.${site}`), site).toBeDefined();
  });

  it('are valid selectors', () => {
    for (const rule of SITE_RULES) {
      for (const selector of [...rule.body, ...(rule.story ?? []), ...(rule.exclude ?? [])]) {
        expect(() => document.querySelector(selector), `${rule.hosts[0]}: ${selector}`).not.toThrow();
      }
    }
  });

  it.each(Object.entries(ADDRESSES))('tell %s’s stories from its fronts', (site, { story, fronts }) => {
    const rule = siteRuleFor(new URL(story).hostname)!;
    expect(rule.hosts).toContain(site);
    expect(rule.fronts?.some((re) => re.test(new URL(story).pathname)), story).toBe(false);
    for (const front of fronts) expect(rule.fronts?.some((re) => re.test(new URL(front).pathname)), front).toBe(true);
  });

  it('match hosts, not names that end alike', () => {
    expect(siteRuleFor('notreuters.com')).toBeUndefined();
    expect(siteRuleFor('www.reuters.com.')).toBeDefined();
  });
});
