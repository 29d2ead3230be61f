export declare const tscPath: string;
export declare function writeClientProject(
  dir: string,
  options?: { files?: string[]; emit?: boolean; lib?: string[] },
): string;
export declare function installInto(store: string, packages: string[]): string;
export declare const TOOLS: Record<ToolName, { packages: string[]; main: string }>;
export declare function toolPath(name: ToolName): string;
export type ToolName = 'prism' | 'local-action' | 'buf' | 'protoc-gen-es' | 'google-proto-files';
