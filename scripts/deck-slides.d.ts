export interface DeckSlide {
  /** 1-based slide number, as in the URL `/<no>` */
  no: number
  title: string
  content: string
  note: string
  frontmatter: Record<string, any>
  /** file the slide comes from, relative to the entry's folder */
  file: string
}
export declare function loadSlides(entry: string): Promise<DeckSlide[]>
