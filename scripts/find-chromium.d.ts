export declare const NO_CHROMIUM_MESSAGE: string
export declare const SYSTEM_CANDIDATES: string[]
export declare function findChromium(options?: {
  env?: Record<string, string | undefined>
  candidates?: string[]
  playwright?: boolean
}): string
