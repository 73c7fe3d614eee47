// Placeholder until this benchmark is written (issue 6): running it fails loudly.
import type { Benchmark } from './lib/report'

export const benchmark: Benchmark = {
  id: 'lighthouse',
  title: 'lighthouse',
  run: async () => {
    throw new Error('The lighthouse benchmark is not written yet.')
  },
}
