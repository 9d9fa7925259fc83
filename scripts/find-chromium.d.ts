export declare const BROWSER_ARGS: string[]
export declare const OFFLINE_ARG: string
export declare const INSTALL_COMMAND: string
export declare const NO_CHROMIUM_MESSAGE: string
export declare function findChromium(options?: {
  env?: Record<string, string | undefined>
  candidates?: string[]
  playwright?: boolean
}): string
export declare function ensureChromium(options?: Parameters<typeof findChromium>[0] & {
  install?: () => { status: number | null, stderr?: string, error?: Error }
}): string
