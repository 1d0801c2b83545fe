/**
 * The case forms of a one-word Russian state or city name that a news text uses (genitive,
 * dative, accusative, instrumental, prepositional), by the regular endings of its declension.
 * Written as aliases rather than `stem`, so that no other word that starts the same matches.
 * Indeclinable names (Перу, Того, Чили, Самоа), plurals (Багамы) and names of several words or with
 * a hyphen get none: their forms are irregular or the name does not change.
 */
const HUSHING = /[жшщчц]$/;
const VELAR_OR_HUSHING = /[гкхжшщч]$/;

export function russianForms(name: string): string[] {
  if (!/^[А-ЯЁ][а-яё]+$/.test(name)) return [];
  const forms = (base: string, endings: string[]) => endings.map((e) => base + e);
  if (/[иеё]я$/.test(name)) return forms(name.slice(0, -1), ['и', 'ю', 'ей']);
  if (name.endsWith('я')) return forms(name.slice(0, -1), ['и', 'е', 'ю', 'ей']);
  // After a vowel (Самоа, Никарагуа) the name does not change.
  if (/[аеёиоуыэюя]а$/.test(name)) return [];
  if (name.endsWith('а')) {
    const base = name.slice(0, -1);
    return forms(base, [VELAR_OR_HUSHING.test(base) ? 'и' : 'ы', 'е', 'у', HUSHING.test(base) ? 'ей' : 'ой']);
  }
  if (name.endsWith('ий')) return forms(name.slice(0, -1), ['я', 'и', 'ю', 'ем']);
  if (name.endsWith('й')) return forms(name.slice(0, -1), ['я', 'е', 'ю', 'ем']);
  if (name.endsWith('ь')) return forms(name.slice(0, -1), ['я', 'е', 'ю', 'ем']);
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(name)) return forms(name, ['а', 'е', 'у', HUSHING.test(name) ? 'ем' : 'ом']);
  return [];
}
