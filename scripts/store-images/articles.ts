/**
 * The news article the store screenshots show, in each language: written for Gloss, with
 * names the starter pack knows, on a plain page that follows the reader's colour scheme.
 */
export type StoreLang = 'en' | 'tr' | 'ru';

export interface StoreArticle {
  section: string;
  headline: string;
  byline: string;
  paragraphs: string[];
  /** The mention the card scene rests the pointer on. */
  hover: string;
  /** The card's title for that mention. */
  cardName: string;
  /** The promotional tile's line, and the sentence under it with names marked. */
  tagline: string;
  tileSentence: string;
  tileNames: string[];
}

export const ARTICLES: Record<StoreLang, StoreArticle> = {
  en: {
    section: 'World · Asia-Pacific',
    headline: 'Russia and North Korea sign a defence pact during a rare visit to Pyongyang',
    byline: 'World desk · June 19, 2024',
    paragraphs: [
      'Vladimir Putin and Kim Jong Un signed a strategic partnership treaty on Wednesday that commits each country to help the other if it is attacked, on the Russian leader’s first trip to North Korea in 24 years.',
      'Governments in Seoul and Tokyo said the pact deepened their worries about the shells and missiles that, according to the United States, have reached Russian forces in Ukraine. Diplomats expect it to come up at the UN Security Council.',
      'Foreign minister Sergei Lavrov, who travelled with the delegation, said the treaty was defensive and aimed at no third country.',
      'The visit returned the courtesy of last September’s summit at the Vostochny Cosmodrome, where the two leaders toured Russia’s newest rocket launch site and spoke of cooperation in space.',
    ],
    hover: 'Kim Jong Un',
    cardName: 'Kim Jong-un',
    tagline: 'Who and what the news is about, in context',
    tileSentence: 'Vladimir Putin and Kim Jong Un signed a strategic partnership treaty in Pyongyang.',
    tileNames: ['Vladimir Putin', 'Kim Jong Un', 'Pyongyang'],
  },
  tr: {
    section: 'Dünya · Asya-Pasifik',
    headline: 'Rusya ile Kuzey Kore, Pyongyang’daki nadir ziyarette savunma anlaşması imzaladı',
    byline: 'Dünya masası · 19 Haziran 2024',
    paragraphs: [
      'Vladimir Putin ve Kim Jong Un çarşamba günü, saldırıya uğraması hâlinde iki ülkeyi birbirine yardım etmekle yükümlü kılan stratejik ortaklık antlaşmasını imzaladı. Rus lider 24 yıl sonra ilk kez Kuzey Kore’yi ziyaret etti.',
      'Seul ve Tokyo yönetimleri, anlaşmanın ABD’ye göre Ukrayna’daki Rus kuvvetlerine ulaşan top mermileri ve füzelerle ilgili kaygılarını derinleştirdiğini açıkladı. Diplomatlar konunun BM Güvenlik Konseyi’ne taşınmasını bekliyor.',
      'Heyetle birlikte seyahat eden Dışişleri Bakanı Sergey Lavrov, antlaşmanın savunma amaçlı olduğunu ve hiçbir üçüncü ülkeyi hedef almadığını söyledi.',
      'Ziyaret, iki liderin geçen eylülde Rusya’nın en yeni roket fırlatma üssünü gezip uzayda iş birliğini konuştuğu Vostochny Uzay Üssü zirvesine bir karşılıktı.',
    ],
    hover: 'Kim Jong Un',
    cardName: 'Kim Jong Un',
    tagline: 'Haberde kim ve ne var, bağlamıyla',
    tileSentence: 'Vladimir Putin ve Kim Jong Un, Pyongyang’da stratejik ortaklık antlaşması imzaladı.',
    tileNames: ['Vladimir Putin', 'Kim Jong Un', 'Pyongyang'],
  },
  ru: {
    section: 'Мир · Азиатско-Тихоокеанский регион',
    headline: 'Россия и КНДР подписали договор о взаимной обороне во время редкого визита в Пхеньян',
    byline: 'Международная редакция · 19 июня 2024 г.',
    paragraphs: [
      'Владимир Путин и Ким Чен Ын в среду подписали договор о всеобъемлющем стратегическом партнёрстве, который обязывает каждую из стран помочь другой в случае нападения. Российский лидер впервые за 24 года посетил КНДР.',
      'В Сеуле и Токио заявили, что договор усиливает их тревогу из-за снарядов и ракет, которые, по данным США, попадают к российским войскам на Украине. Дипломаты ожидают, что вопрос будет поднят в Совете Безопасности ООН.',
      'Министр иностранных дел Сергей Лавров, сопровождавший делегацию, сказал, что договор носит оборонительный характер и не направлен против третьих стран.',
      'Визит стал ответом на прошлогоднюю сентябрьскую встречу на космодроме Восточный, где лидеры осмотрели новейшую российскую стартовую площадку и говорили о сотрудничестве в космосе.',
    ],
    hover: 'Ким Чен Ын',
    cardName: 'Ким Чен Ын',
    tagline: 'Кто и что в новостях — в контексте',
    tileSentence: 'Владимир Путин и Ким Чен Ын подписали в Пхеньяне договор о стратегическом партнёрстве.',
    tileNames: ['Владимир Путин', 'Ким Чен Ын', 'Пхеньяне'],
  },
};

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function articleHtml(lang: StoreLang): string {
  const a = ARTICLES[lang];
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="color-scheme" content="light dark">
<title>${escape(a.headline)}</title>
<style>
  :root { --bg: #fbfaf7; --fg: #1d1d1f; --muted: #5f6368; --rule: #e2dfd8; --brand: #9c2a1f; }
  @media (prefers-color-scheme: dark) { :root { --bg: #17181b; --fg: #e8e6e3; --muted: #a0a4ab; --rule: #2d2f34; --brand: #e0735f; } }
  body { margin: 0; background: var(--bg); color: var(--fg); font: 19px/1.65 Georgia, 'DejaVu Serif', serif; }
  .masthead { border-bottom: 1px solid var(--rule); padding: 14px 48px; font: 700 22px/1 'DejaVu Sans', Arial, sans-serif; letter-spacing: 0.04em; color: var(--brand); }
  main { display: grid; grid-template-columns: minmax(0, 40rem) 16rem; gap: 56px; padding: 28px 48px; }
  .section { font: 600 13px/1 'DejaVu Sans', Arial, sans-serif; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); }
  h1 { font-size: 34px; line-height: 1.2; margin: 12px 0 10px; }
  .byline { font: 14px/1.4 'DejaVu Sans', Arial, sans-serif; color: var(--muted); margin-bottom: 18px; }
  p { margin: 0 0 16px; }
  aside { border-top: 3px solid var(--brand); padding-top: 12px; font: 15px/1.5 'DejaVu Sans', Arial, sans-serif; color: var(--muted); }
  aside div { height: 10px; background: var(--rule); border-radius: 5px; margin: 12px 0; }
</style>
</head>
<body>
<header class="masthead" aria-label="Site">WORLD DESK</header>
<main>
<article>
<div class="section">${escape(a.section)}</div>
<h1>${escape(a.headline)}</h1>
<div class="byline">${escape(a.byline)}</div>
${a.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}
</article>
<aside aria-hidden="true"><div></div><div style="width:80%"></div><div style="width:90%"></div><div style="width:60%"></div></aside>
</main>
</body>
</html>`;
}
