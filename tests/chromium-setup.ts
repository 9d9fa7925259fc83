// Before the tests that need a browser: find a Chromium, or download Playwright's once,
// so that `npm test` works on a machine with none (see scripts/find-chromium.js).
import { ensureChromium } from '../scripts/find-chromium.js'

export default function setup() {
  ensureChromium()
}
