/**
 * Day numbers of a visit, written as Hugo Book titles: `title = 'Five'`.
 */
const ONES = ['Zero', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten', 'Eleven',
  'Twelve', 'Thirteen', 'Fourteen', 'Fifteen', 'Sixteen', 'Seventeen', 'Eighteen', 'Nineteen'];
const TENS = ['', '', 'Twenty', 'Thirty', 'Forty', 'Fifty', 'Sixty', 'Seventy', 'Eighty', 'Ninety'];

/** 1 → "One", 21 → "Twenty-one", 105 → "One Hundred Five"; beyond 9999 the digits. */
export function numberToWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 20) return ONES[n]!;
  if (n < 100) return TENS[Math.floor(n / 10)]! + (n % 10 ? `-${ONES[n % 10]!.toLowerCase()}` : '');
  if (n < 1000) return `${ONES[Math.floor(n / 100)]} Hundred${n % 100 ? ` ${numberToWords(n % 100)}` : ''}`;
  return `${numberToWords(Math.floor(n / 1000))} Thousand${n % 1000 ? ` ${numberToWords(n % 1000)}` : ''}`;
}

/** The words back to a number ("Twenty-one" → 21), or null. Case-insensitive. */
export function wordsToNumber(words: string): number | null {
  const w = words.trim().toLowerCase();
  for (let n = 1; n <= 400; n++) if (numberToWords(n).toLowerCase() === w) return n;
  return null;
}
