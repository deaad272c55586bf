/** Types of scripts/manifest.cjs, for the tests. */
export declare const DEV_BASE: string;
export declare function addinBase(origin: string): string;
export declare function manifestFor(xml: string, origin: string): string;
