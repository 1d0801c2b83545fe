import { describe } from 'vitest';
import { table, type Case } from './entities';

const NK = 'north-korea';
const US = 'united-states';

const cases: Case[] = [
  // stem: 0 to 2 extra letters, and the highlight takes the whole word
  { text: 'Россия', expect: ['Россия=russia'] },
  { text: 'России', expect: ['России=russia'] },
  { text: 'Россию', expect: ['Россию=russia'] },
  { text: 'Россией', expect: ['Россией=russia'] },
  { text: 'Росси', expect: ['Росси=russia'] },
  { text: 'о России и Россию', expect: ['России=russia', 'Россию=russia'] },
  { text: 'Российская армия', expect: [] },
  { text: 'Россиянин', expect: [] },
  { text: 'Российская Федерация', expect: ['Российская Федерация=russia'] },
  { text: 'россия', expect: [] },
  { text: 'РОССИЯ', expect: ['РОССИЯ=russia'] },
  { text: 'РОССИЯ', expect: ['РОССИЯ=russia'] },
  { text: 'Россия2024', expect: [] },
  { text: '«Россия»', expect: ['Россия=russia'] },
  { text: 'Россия', lang: 'en', expect: [] },
  { text: 'Russia', expect: ['Russia=russia'] },
  // Inflected multi-word forms are aliases of their own
  { text: 'Северная Корея', expect: [`Северная Корея=${NK}`] },
  { text: 'Северной Кореи', expect: [`Северной Кореи=${NK}`] },
  { text: 'в Северную Корею', expect: [`Северную Корею=${NK}`] },
  { text: 'Корея', expect: ['Корея=korea'] },
  { text: 'Кореи', expect: [] },
  { text: 'Южная Корея', expect: ['Южная Корея=south-korea'] },
  { text: 'КНДР и Россия подписали', expect: [`КНДР=${NK}`, 'Россия=russia'] },
  { text: 'кндр', expect: [] },
  { text: 'КНДР-Россия', expect: [`КНДР=${NK}`, 'Россия=russia'] },
  { text: 'Ким Чен Ын', expect: ['Ким Чен Ын=kim-jong-un'] },
  { text: 'Ким Чен Ына', expect: ['Ким Чен Ына=kim-jong-un'] },
  { text: 'Ким Чен Ыну', expect: ['Ким Чен Ыну=kim-jong-un'] },
  { text: 'с Ким Чен Ыном', expect: ['Ким Чен Ыном=kim-jong-un'] },
  { text: 'Ким\u00a0Чен\u00a0Ын', expect: ['Ким\u00a0Чен\u00a0Ын=kim-jong-un'] },
  { text: 'Ким Чен Ынам', expect: [] },
  { text: 'Ким', expect: [] },
  { text: 'Ким Чен Ын', lang: 'tr', expect: [] },
  // afterFull, with a stem on the short form
  { text: 'Чхве', expect: [] },
  { text: 'Чхве Сон Хи и Чхве', expect: ['Чхве Сон Хи=choe-son-hui', 'Чхве=choe-son-hui'] },
  { text: 'Лавров', expect: [] },
  { text: 'Сергей Лавров; слова Лаврова', expect: ['Сергей Лавров=sergey-lavrov', 'Лаврова=sergey-lavrov'] },
  { text: 'Лаврову', unlocked: ['sergey-lavrov'], expect: ['Лаврову=sergey-lavrov'] },
  { text: 'Владимир Путин, Путина, Путиным', expect: ['Владимир Путин=vladimir-putin', 'Путина=vladimir-putin', 'Путиным=vladimir-putin'] },
  { text: 'путинизм', expect: [] },
  // ё and й fold to е and и, precomposed or decomposed
  { text: 'Соединённые Штаты', expect: [`Соединённые Штаты=${US}`] },
  { text: 'Соединенные Штаты', expect: [`Соединенные Штаты=${US}`] },
  { text: 'СОЕДИНЁННЫЕ ШТАТЫ', expect: [`СОЕДИНЁННЫЕ ШТАТЫ=${US}`] },
  { text: 'Соедине\u0308нные Штаты', expect: [`Соедине\u0308нные Штаты=${US}`] },
  { text: 'космодром Восточный', expect: ['космодром Восточный=vostochny'] },
  { text: 'космодром Восточныи', expect: ['космодром Восточныи=vostochny'] },
  { text: 'космодром Восточны\u0438\u0306', expect: ['космодром Восточны\u0438\u0306=vostochny'] },
  { text: 'США', expect: [`США=${US}`] },
  { text: 'сша', expect: [] },
  { text: 'США, ООН и КНДР', expect: [`США=${US}`, 'ООН=united-nations', `КНДР=${NK}`] },
  { text: 'Сеул и Пхеньян', expect: ['Сеул=seoul', 'Пхеньян=pyongyang'] },
  { text: 'в Стамбуле', expect: [] },
  { text: 'Стамбул', expect: ['Стамбул=istanbul'] },
  { text: 'Северная Корея', lang: 'ru-RU', expect: [`Северная Корея=${NK}`] },
];

describe('matchBlock: Russian pages', () => {
  table(cases, 'ru');
});
