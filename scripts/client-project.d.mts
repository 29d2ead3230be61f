export declare const tscPath: string;
export declare function writeClientProject(
  dir: string,
  options?: { files?: string[]; emit?: boolean; lib?: string[] },
): string;
export declare function installInto(store: string, packages: string[]): string;
export declare const TOOLS: Record<'prism' | 'local-action', { packages: string[]; main: string }>;
export declare function toolPath(name: 'prism' | 'local-action'): string;
