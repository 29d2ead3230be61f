import { ShipkitError } from '../errors.js';

/**
 * Why `name` is not a branch name git (and GitHub) would accept, or undefined when it is: the
 * rules of `git check-ref-format --branch`, checked without a process.
 */
export function branchNameProblem(name: string): string | undefined {
  if (name === '') return 'it is empty';
  if (name.length > 255) return 'it is longer than 255 characters';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(name))
    return 'it holds a space, a control character or one of ~ ^ : ? * [ \\';
  if (name === 'HEAD') return 'it is "HEAD"';
  if (name.includes('..')) return 'it holds ".."';
  if (name.includes('@{')) return 'it holds "@{"';
  if (name.startsWith('-')) return 'it starts with "-"';
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//'))
    return 'it starts or ends with "/", or holds "//"';
  if (name.endsWith('.')) return 'it ends with "."';
  if (name.split('/').some((part) => part.startsWith('.') || part.endsWith('.lock')))
    return 'a part of it starts with "." or ends with ".lock"';
  return undefined;
}

/** The data branch an action's input names, trimmed; empty stays empty (no data branch). */
export function dataBranchInput(value: string, field = 'input `data-branch`'): string {
  const name = value.trim();
  if (name === '') return name;
  const problem = branchNameProblem(name);
  if (problem) {
    throw new ShipkitError(`${field} is not a branch name: ${problem}`, {
      hint: 'Name a branch such as shipkit-data (the rules of `git check-ref-format --branch`).',
    });
  }
  return name;
}
