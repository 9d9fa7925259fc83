export declare function inspectPdf(file: string): Promise<{ pages: number, blank: number[] }>

export interface OutlineEntry {
  title: string
  /** 1-based; 0 when the entry points at no page */
  page: number
  children: OutlineEntry[]
}
export declare function readOutline(pdf: import('pdf-lib').PDFDocument): OutlineEntry[]
