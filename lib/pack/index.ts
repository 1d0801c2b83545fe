/** The `gloss-pack/1` format: pure code shared by the extension and the CLI. */
export * from './types';
export { PackError, isPackError, type PackErrorCode } from './errors';
export { DEFAULT_MAX_BYTES, MAX_CHARS, MAX_ITEMS, MAX_STEM } from './limits';
export { ID_PATTERN, PACK_ID_PATTERN, LANG_PATTERN } from './fields';
export {
  parseManifest,
  parseSnapshot,
  parseDelta,
  validateManifest,
  validateSnapshot,
  validateDelta,
  type ParseOptions,
} from './parse';
export { checkReferences, checkUniqueIds } from './references';
export { applyDelta } from './apply-delta';
export { checkVersion, planUpdate, isStale, type UpdatePlan } from './version';
export { sha256Hex } from './hash';
export { checkFile } from './check-file';
export {
  verifySignature,
  checkSignature,
  parsePublicKey,
  generateKeyPair,
  sign,
  type KeyPair,
} from './signature';
export { encodeBase64, decodeBase64 } from './bytes';
export { keyFingerprint } from './key-fingerprint';
export { isHttpUrl } from './http-url';
export { normalizeUrl, isTrackingParameter, TRACKING_PARAMETERS, TRACKING_PREFIXES } from './normalize-url';
export { pickLocalized, type PickedText } from './localized';
export { encodeJson, stableStringify } from './encode-json';
export { deepEqual } from './deep-equal';
export {
  buildSnapshot,
  buildDelta,
  buildManifest,
  fileEntry,
  deltaEntry,
  snapshotFileName,
  deltaFileName,
  type ManifestInput,
} from './build';
export { buildRelease, DEFAULT_KEEP_DELTAS, MANIFEST_FILE, SIGNATURE_FILE, type Release, type ReleaseInput, type PreviousRelease } from './release';
