export function mdFiles(dir: string, out?: string[]): string[];
export function shortcodeNames(content: string): Map<string, boolean>;
export function makeHugoSite(site: string, content: string, options?: {
  layouts?: Record<string, string>;
  shortcode?: (name: string, closed: boolean) => string;
  config?: string[];
  disableKinds?: string[];
}): string;
