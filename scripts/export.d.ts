export declare const BROWSER_SERVICE_HOSTS: string[]
export declare function inspectPdf(file: string): Promise<{ pages: number, blank: number[] }>
