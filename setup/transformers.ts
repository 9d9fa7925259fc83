// Hands every live Python block its slide's `tree:` and expected output, as
// `runnerOptions` of the Monaco runner (see setup/code-runners.ts).
import { defineTransformersSetup } from '@slidev/types'
import { liveBlocks, withRunnerOptions } from '../deck/live-blocks'

export default defineTransformersSetup(() => ({
  pre: [
    (ctx) => {
      const text = ctx.s.original
      if (!text.includes('{monaco-run}'))
        return
      const tree = ctx.slide?.frontmatter?.tree ?? {}
      liveBlocks(text).forEach((block, index) => {
        const options = {
          tree,
          expected: block.expected,
          slide: ctx.slide?.index !== undefined ? ctx.slide.index + 1 : undefined,
          block: index + 1,
        }
        ctx.s.overwrite(block.infoStart, block.infoEnd, withRunnerOptions(block.info, options))
      })
    },
  ],
}))
