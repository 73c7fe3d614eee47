// Placeholder until this benchmark is written (issue 6): running it fails loudly.
import type { Benchmark } from './lib/report'

export const benchmark: Benchmark = {
  id: 'pdf',
  title: 'pdf',
  run: async () => {
    throw new Error('The pdf benchmark is not written yet.')
  },
}
