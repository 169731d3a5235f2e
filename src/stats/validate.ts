/** Throws a RangeError unless `value` is a non-negative integer; `name` is the argument's name. */
export function validateCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}.`);
  }
}
