// Placeholder until this benchmark is written (issue 6): running it fails loudly.
import type { Benchmark } from './lib/report'

export const benchmark: Benchmark = {
  id: 'programme-page',
  title: 'programme-page',
  run: async () => {
    throw new Error('The programme-page benchmark is not written yet.')
  },
}
