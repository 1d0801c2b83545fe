import { describe } from 'vitest';
import { table, type Case } from './entities';

const NK = 'north-korea';
const US = 'united-states';

const cases: Case[] = [
  { text: 'Kuzey Kore füze fırlattı.', expect: [`Kuzey Kore=${NK}`] },
  { text: 'Kuzey Kore’nin açıklaması', expect: [`Kuzey Kore=${NK}`] },
  { text: "Kuzey Kore'ye göre", expect: [`Kuzey Kore=${NK}`] },
  { text: 'Kuzey Koreli askerler', expect: [] },
  { text: 'Kore’ye gitti', expect: ['Kore=korea'] },
  { text: 'KORE', expect: ['KORE=korea'] },
  { text: 'Korece öğreniyor', expect: [] },
  { text: 'Kore Demokratik Halk Cumhuriyeti', expect: [`Kore Demokratik Halk Cumhuriyeti=${NK}`] },
  { text: 'Kuzey Kore-Rusya ilişkileri', expect: [`Kuzey Kore=${NK}`, 'Rusya=russia'] },
  { text: 'Rusya ile Kuzey Kore arasında', expect: ['Rusya=russia', `Kuzey Kore=${NK}`] },
  { text: "Rusya'nın tutumu", expect: ['Rusya=russia'] },
  { text: 'Rusya’nın tutumu', expect: ['Rusya=russia'] },
  { text: 'Rusyaʼnın tutumu', expect: ['Rusya=russia'] },
  { text: 'Rusyanın tutumu', expect: [] },
  { text: 'Rusyalı diplomat', expect: [] },
  { text: 'Rusya Federasyonu', expect: ['Rusya Federasyonu=russia'] },
  { text: 'RUSYA', expect: ['RUSYA=russia'] },
  { text: 'ABD ve Rusya', expect: [`ABD=${US}`, 'Rusya=russia'] },
  { text: "ABD'nin yaptırımları", expect: [`ABD=${US}`] },
  { text: 'abd', expect: [] },
  { text: 'Abd', expect: [] },
  { text: 'Amerika Birleşik Devletleri', expect: [`Amerika Birleşik Devletleri=${US}`] },
  { text: 'AMERİKA BİRLEŞİK DEVLETLERİ', expect: [`AMERİKA BİRLEŞİK DEVLETLERİ=${US}`] },
  { text: 'Amerika Birlesik Devletleri', expect: [`Amerika Birlesik Devletleri=${US}`] },
  { text: 'AMERIKA BIRLESIK DEVLETLERI', expect: [`AMERIKA BIRLESIK DEVLETLERI=${US}`] },
  // Dotted and dotless i in every case fold together
  { text: 'İstanbul', expect: ['İstanbul=istanbul'] },
  { text: 'ISTANBUL', expect: ['ISTANBUL=istanbul'] },
  { text: 'İSTANBUL', expect: ['İSTANBUL=istanbul'] },
  // İstanbul starts with a capital: the dotted İ and the dotless I are both capitals, ı and i are not.
  { text: 'ıstanbul', expect: [] },
  { text: 'istanbul', expect: [] },
  { text: 'Istanbul', expect: ['Istanbul=istanbul'] },
  { text: 'İSTANBUL', expect: ['İSTANBUL=istanbul'] },
  { text: 'Istanbul', expect: ['Istanbul=istanbul'] },
  { text: "İstanbul'da toplantı", expect: ['İstanbul=istanbul'] },
  { text: 'İstanbullu gazeteci', expect: [] },
  { text: 'Güney Kore', expect: ['Güney Kore=south-korea'] },
  { text: 'Guney Kore', expect: ['Guney Kore=south-korea'] },
  { text: 'GÜNEY KORE', expect: ['GÜNEY KORE=south-korea'] },
  { text: 'Birleşmiş Milletler (BM)', expect: ['Birleşmiş Milletler=united-nations', 'BM=united-nations'] },
  { text: 'bm', expect: [] },
  { text: 'BİRLEŞMİŞ MİLLETLER', expect: ['BİRLEŞMİŞ MİLLETLER=united-nations'] },
  { text: 'Erdoğan', expect: ['Erdoğan=erdogan'] },
  { text: 'Erdogan', expect: ['Erdogan=erdogan'] },
  { text: 'ERDOĞAN', expect: ['ERDOĞAN=erdogan'] },
  { text: 'Recep Tayyip Erdoğan’ın', expect: ['Recep Tayyip Erdoğan=erdogan'] },
  { text: 'Kim Jong-un', expect: ['Kim Jong-un=kim-jong-un'] },
  { text: 'Seul’de', expect: ['Seul=seoul'] },
  { text: 'Seul', lang: 'en', expect: [] },
  { text: 'Kuzey Kore', lang: 'tr-TR', expect: [`Kuzey Kore=${NK}`] },
  { text: 'Kuzey Kore', lang: 'TR', expect: [`Kuzey Kore=${NK}`] },
  { text: 'Kuzey Kore', lang: 'ru', expect: [] },
  {
    text: 'Zeki Talustan Gülten’e göre; Gülten’in analizi',
    expect: ['Zeki Talustan Gülten=zeki-gulten', 'Gülten=zeki-gulten'],
  },
  { text: 'Dışişleri Bakanı Choe', expect: [] },
  { text: 'Choe Son Hui’nin ziyareti; Choe’nun sözleri', expect: ['Choe Son Hui=choe-son-hui', 'Choe=choe-son-hui'] },
  { text: "Putin'in açıklaması", expect: ['Putin=vladimir-putin'] },
  { text: 'Kuzey Kore ve Güney Kore', expect: [`Kuzey Kore=${NK}`, 'Güney Kore=south-korea'] },
];

describe('matchBlock: Turkish pages', () => {
  table(cases, 'tr');
});
