// Placeholder until this benchmark is written (issue 6): running it fails loudly.
import type { Benchmark } from './lib/report'

export const benchmark: Benchmark = {
  id: 'csv-export',
  title: 'csv-export',
  run: async () => {
    throw new Error('The csv-export benchmark is not written yet.')
  },
}
