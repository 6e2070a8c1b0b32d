/**
 * Dates as Hugo reads them, and as day entries write them.
 *
 * Hugo takes a date without an offset as UTC (its default time zone), and a
 * bare `YYYY-MM-DD` as midnight UTC. We keep every date as the string the
 * author wrote and compute the instant from that string, because
 * @iarna/toml drops the offset (see ../shared/LIBRARY-NOTES.md).
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?(?:\s+[A-Z]{2,5})?)?$/;

/** The instant a Hugo date string stands for, or null when Hugo could not read it either. */
export function parseHugoDate(written: string): Date | null {
  const s = written.trim();
  const m = ISO.exec(s);
  if (m) {
    const [, y, mo, d, h = '00', mi = '00', sec = '00', frac = '', zone] = m;
    const calendar = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    if (calendar.getUTCMonth() !== Number(mo) - 1 || calendar.getUTCDate() !== Number(d)) return null;
    const ms = frac ? Math.round(Number(`0${frac}`) * 1000) : 0;
    let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec), ms);
    if (zone && zone !== 'Z' && zone !== 'z') {
      const sign = zone[0] === '-' ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      const offMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
      t -= sign * offMin * 60_000;
    }
    const date = new Date(t);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  // RFC 1123 / RFC 822 style ("Mon, 02 Jan 2006 15:04:05 -0700") and "02 Jan 2006".
  if (/[A-Za-z]{3}/.test(s)) {
    const withZone = /(\d{2}:\d{2}|[A-Z]{3}|[+-]\d{4})\s*$/.test(s) ? s : `${s} UTC`;
    const t = Date.parse(withZone);
    if (!Number.isNaN(t)) return new Date(t);
  }
  return null;
}

/** True when a written date carries no UTC offset (Hugo then reads it as UTC). */
export function hasOffset(written: string): boolean {
  const m = ISO.exec(written.trim());
  return !m || m[4] === undefined || m[8] !== undefined;
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** `YYYY-MM-DD` of a date in the local time zone. */
export function localDay(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** RFC 3339 with the local UTC offset, to the second: `2023-09-08T22:09:28+02:00`. */
export function formatLocalDateTime(d: Date): string {
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  return `${localDay(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${sign}${pad(Math.trunc(off / 60))}:${pad(off % 60)}`;
}

/** The calendar day a written date names, as written (its own offset), or null. */
export function writtenDay(written: string | null | undefined): string | null {
  if (!written) return null;
  const m = /^\s*(\d{4}-\d{2}-\d{2})/.exec(written);
  return m ? m[1]! : null;
}

/** The words a day may be given as, and their shift from today. */
const RELATIVE_DAYS: Record<string, number> = { today: 0, yesterday: -1, tomorrow: 1 };

/**
 * What resolveDay takes, for help texts and errors: `YYYY-MM-DD, today,
 * yesterday or tomorrow`. Built from the same table, so the docs cannot
 * drift from the parser (they did: `tomorrow` was taken but never named).
 */
export const DAY_FORMS = ['YYYY-MM-DD', ...Object.keys(RELATIVE_DAYS)].join(', ').replace(/, (?=[^,]*$)/, ' or ');

/**
 * Resolves a user-given day (`YYYY-MM-DD`, `today`, `yesterday`, `tomorrow`,
 * any case) against the clock, in the local time zone. Returns null when it
 * is none of those.
 */
export function resolveDay(input: string, now: Date): string | null {
  const s = input.trim().toLowerCase();
  const shift = Object.hasOwn(RELATIVE_DAYS, s) ? RELATIVE_DAYS[s] : undefined;
  if (shift !== undefined) {
    const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + shift, 12);
    return localDay(d);
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
  return localDay(d) === s ? s : null;
}

/** The local date-time for `day` (YYYY-MM-DD) at the clock's time of day. */
export function atTimeOfDay(day: string, now: Date): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, now.getHours(), now.getMinutes(), now.getSeconds());
}

/** Whole calendar days from day `a` to day `b` (both YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  const t = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round((t(b) - t(a)) / 86_400_000);
}
