export declare const tscPath: string;
export declare function writeClientProject(
  dir: string,
  options?: { files?: string[]; emit?: boolean; lib?: string[] },
): string;
export declare function installInto(store: string, packages: string[]): string;
