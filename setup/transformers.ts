// Hands every live Python block its slide's `tree:` and expected output, as
// `runnerOptions` of the Monaco runner (see setup/code-runners.ts), and wraps it
// for styles/live-code.css:
//
//   <div class="live-block">
//     <div class="live-static"> the code, highlighted, until Monaco is ready </div>
//     ```python {monaco-run} ...             (Slidev's editor and Run button)
//     <div class="live-expected"> the ```text block after it </div>
//   </div>
//
// The promised output shows until a run exists; then the runner's output replaces it.
import { defineTransformersSetup } from '@slidev/types'
import { liveBlocks, staticCopy, withRunnerOptions } from '../deck/live-blocks'

export default defineTransformersSetup(() => ({
  pre: [
    (ctx) => {
      const text = ctx.s.original
      if (!text.includes('{monaco-run}'))
        return
      const tree = ctx.slide?.frontmatter?.tree ?? {}
      const houses = ctx.slide?.frontmatter?.houses === 'both' ? 'both' : undefined
      liveBlocks(text).forEach((block, index) => {
        const options = {
          tree,
          expected: block.expected,
          slide: ctx.slide?.index !== undefined ? ctx.slide.index + 1 : undefined,
          block: index + 1,
          ...(houses ? { houses } : {}),
        }
        ctx.s.appendLeft(block.start, `<div class="live-block">\n\n${staticCopy(block.code)}`)
        ctx.s.overwrite(block.infoStart, block.infoEnd, withRunnerOptions(block.info, options))
        if (block.expectedStart !== undefined && block.expectedEnd !== undefined) {
          ctx.s.appendLeft(block.expectedStart, '<div class="live-expected">\n\n')
          ctx.s.appendLeft(block.expectedEnd, '\n\n</div>')
        }
        ctx.s.appendLeft(block.expectedEnd ?? block.end, '\n\n</div>')
      })
    },
  ],
}))
