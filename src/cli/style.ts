/**
 * Colour, on only when it helps: stdout is a terminal and NO_COLOR is not
 * set, or FORCE_COLOR asks for it (https://no-color.org).
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Context, Output } from './context.js';

export function colorLevel(stream: Output, env: Context['env'], flag?: boolean): 0 | 1 | 2 | 3 {
  if (flag === false) return 0;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') {
    const n = Number(env.FORCE_COLOR);
    return n >= 1 && n <= 3 ? (n as 1 | 2 | 3) : 1;
  }
  if (env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (!stream.isTTY) return 0;
  if (env.TERM === 'dumb') return 0;
  return /truecolor|24bit/i.test(env.COLORTERM ?? '') ? 3 : /256/.test(env.TERM ?? '') ? 2 : 1;
}

export function chalkFor(stream: Output, env: Context['env'], flag?: boolean): ChalkInstance {
  return new Chalk({ level: colorLevel(stream, env, flag) });
}
