/** A data file that cannot be used. The message names the file, the row or key, the field and what was expected. */
export class DatasetError extends Error {
  override name = 'DatasetError';
}
