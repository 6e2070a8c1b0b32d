export function makeHugoSite(site: string, content: string, options?: { layouts?: Record<string, string> }): string;
