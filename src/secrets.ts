/** Shortest secret value that is redacted; shorter values would blank out ordinary words. */
const MIN_SECRET_LENGTH = 4;

/** Replaces every occurrence of each secret in `text` with `***`. */
export function redact(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let result = text;
  for (const secret of secrets) {
    if (secret && secret.length >= MIN_SECRET_LENGTH) result = result.split(secret).join('***');
  }
  return result;
}
