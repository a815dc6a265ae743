import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

afterEach(() => {
  cleanup()
})

// jsdom does no layout, so every element measures 0×0 and a virtualised list would render no row.
// Give elements a plausible box: the list's scroll area a viewport, rows one row's height.
const height = (element: HTMLElement) => (element.classList.contains('dialog-scroll') ? 640 : 64)
Object.defineProperties(HTMLElement.prototype, {
  offsetHeight: {
    configurable: true,
    get: function (this: HTMLElement) {
      return height(this)
    },
  },
  clientHeight: {
    configurable: true,
    get: function (this: HTMLElement) {
      return height(this)
    },
  },
  offsetWidth: { configurable: true, get: () => 800 },
  clientWidth: { configurable: true, get: () => 800 },
})
