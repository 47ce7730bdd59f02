// npm-pick-manifest ships no types; this covers the one call vet makes.
declare module 'npm-pick-manifest' {
  interface PickOptions {
    defaultTag?: string;
    before?: string | Date | null;
    nodeVersion?: string;
    npmVersion?: string | null;
    includeStaged?: boolean;
  }
  interface PickedManifest {
    name: string;
    version: string;
    [key: string]: unknown;
  }
  function pickManifest(packument: unknown, wanted: string, opts?: PickOptions): PickedManifest;
  export default pickManifest;
}
