/** A flag's value as a positive integer (underscores and commas allowed: 100_000, 100,000). */
export function positiveInteger(value: string | undefined, flag: string): number {
  const number = Number(String(value).replace(/[_,]/g, ''));
  if (!Number.isInteger(number) || number < 1) throw new Error(`${flag} must be a positive integer, not "${value}"`);
  return number;
}
