/** states.json, read and checked: the facts beside the generator. */
import { readFileSync } from 'node:fs';

type Lang = 'en' | 'tr' | 'ru';

export interface StatesData {
  unMembers: string[];
  unObservers: string[];
  others: string[];
  /** Codes whose state kb/ holds by hand, by that entity's id. */
  curated: Record<string, string>;
  /** Names that replace the package's first name (which is sometimes a long form, or a region). */
  names: Record<string, Partial<Record<Lang, string>>>;
  /** Short and long forms no package ships. */
  aliases: Record<string, Partial<Record<Lang, string[]>>>;
  /** Package names that are catalogue entries, not names a text uses. */
  dropped: Record<string, string[]>;
  /** Names that are also common words, but only in lower case: capitals decide instead of context. */
  caseSensitive: string[];
  /** States that are one city: the state is its own capital. */
  cityStates: string[];
  /** States whose listed city is their seat of government, not the capital they proclaim. */
  seatOfGovernment: string[];
  /** Capital in English, Turkish and Russian. */
  capitals: Record<string, [string, string, string]>;
}

const codes = (s: string): string[] => s.split(/\s+/).filter(Boolean);

export function statesData(path = new URL('./states.json', import.meta.url)): StatesData {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Omit<StatesData, 'unMembers' | 'unObservers' | 'others'> & {
    unMembers: string;
    unObservers: string;
    others: string;
  };
  return { ...raw, unMembers: codes(raw.unMembers), unObservers: codes(raw.unObservers), others: codes(raw.others) };
}
