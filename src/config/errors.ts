/** A bad environment variable or declaration: stops start-up with one line naming it (never its value). */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
