export declare const tscPath: string;
export declare function writeClientProject(
  dir: string,
  options?: { files?: string[]; emit?: boolean; lib?: string[] },
): string;
