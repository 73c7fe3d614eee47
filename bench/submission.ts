// Placeholder until this benchmark is written (issue 6): running it fails loudly.
import type { Benchmark } from './lib/report'

export const benchmark: Benchmark = {
  id: 'submission',
  title: 'submission',
  run: async () => {
    throw new Error('The submission benchmark is not written yet.')
  },
}
