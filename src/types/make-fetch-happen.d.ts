// Types for the part of make-fetch-happen that supplychain/http.ts uses. Written here rather than
// taken from @types/make-fetch-happen, whose types depend on whichever node-fetch gets hoisted.
declare module 'make-fetch-happen' {
  interface MfhResponseHeaders {
    get(name: string): string | null;
    forEach(fn: (value: string, key: string) => void): void;
  }
  interface MfhResponse {
    status: number;
    headers: MfhResponseHeaders;
    body: NodeJS.ReadableStream | null;
    arrayBuffer(): Promise<ArrayBuffer>;
  }
  interface MfhOptions {
    cachePath?: string;
    cache?: 'default' | 'no-store' | 'reload' | 'no-cache' | 'force-cache' | 'only-if-cached';
    timeout?: number;
    retry?: false | number | { retries?: number; minTimeout?: number; maxTimeout?: number };
    headers?: Record<string, string>;
    method?: string;
    size?: number;
  }
  interface MfhFetch {
    (url: string, opts?: MfhOptions): Promise<MfhResponse>;
    defaults(opts: MfhOptions): MfhFetch;
  }
  const fetch: MfhFetch;
  export default fetch;
}
