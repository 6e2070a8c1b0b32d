/**
 * File names derived from titles. A title can hold anything (slashes, `..`,
 * control characters, shell and HTML metacharacters); the slug keeps only
 * lowercase ASCII letters, digits and single dashes, so a file name made
 * from it can never leave its folder or surprise a shell.
 */
export function slugify(title: string, maxLength = 60): string {
  const s = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, maxLength).replace(/-+$/, '');
}
