export declare const ISOLATION_HEADERS: Record<string, string>
export interface StaticServer {
  origin: string
  /** every path that was asked for and not found (app routes excluded) */
  missing: string[]
  close: () => Promise<void>
}
export declare function serveStatic(dir: string, options?: { headers?: Record<string, string>, port?: number, host?: string }): Promise<StaticServer>
