/** The bundle's entry point, used by bin/notes. */
import { main } from './main.js';
import { processContext } from './cli/context.js';

export function run(argv: string[]): Promise<number> {
  return main(argv, processContext());
}
