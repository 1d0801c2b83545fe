import { useEffect, useState } from 'preact/hooks';
import { readSettings, updateSettings, watchSettings, type Settings } from '@/lib/settings';

/** The reader's settings, kept current when they change anywhere (another page, another window). */
export type UpdateSettings = (change: Partial<Settings> | ((current: Settings) => Partial<Settings>)) => Promise<Settings>;

export function useSettings(): [Settings | null, UpdateSettings] {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void readSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  const update: UpdateSettings = async (change) => {
    const next = await updateSettings(change);
    setSettings(next);
    return next;
  };
  return [settings, update];
}
