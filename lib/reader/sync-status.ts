/**
 * How the copy in the browser's sync storage stands, as the options page tells the reader.
 * Whatever it says, every record is kept on this machine.
 */
export interface ReaderSyncStatus {
  /**
   * `synced`: sync storage holds every record. `pending`: a change waits to be written.
   * `waiting`: the browser's write limit was reached; it is written later. `full`: some records
   * do not fit the sync quota and stay on this machine only. `unavailable`: this browser has no
   * sync storage (or it refuses writes); everything stays on this machine.
   */
  state: 'synced' | 'pending' | 'waiting' | 'full' | 'unavailable';
  /** Bytes Gloss's items use in sync storage, and the quota. */
  bytes: number;
  quota: number;
  /** Records kept here that sync storage does not hold. */
  unsynced: number;
  /** When this was last decided. */
  at: number;
  /** The browser's own words, for `unavailable` and `waiting`. */
  detail?: string;
}

export const LOCAL_RECORDS_KEY = 'readerRecords';
export const LOCAL_STATUS_KEY = 'readerSyncStatus';
/** Bumped when corrections change (here or from another machine): open pages read themselves again. */
export const LOCAL_REVISION_KEY = 'readerRevision';
