// Code colours: one pair of themes from deck/code-palette.ts for the static code, and through
// Slidev for the live blocks' editor (Monaco). Python is loaded up front so that Monaco colours
// it with Shiki's grammar, as the static code beside it, not with a tokenizer of its own.
import { defineShikiSetup } from '@slidev/types'
import { shikiTheme } from '../deck/code-palette'

export default defineShikiSetup(() => ({
  themes: { light: shikiTheme('light'), dark: shikiTheme('dark') },
  langs: ['python'],
}))
