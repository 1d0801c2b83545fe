/** The reader's data limits, apart from the schemas so a card can use them without a validator. */
export const NOTE_MAX_CHARS = 4000;
/** A correction's site when it holds on every site. */
export const EVERYWHERE = '*';
