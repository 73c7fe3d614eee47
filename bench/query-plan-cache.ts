// Placeholder until this benchmark is written (issue 6): running it fails loudly.
import type { Benchmark } from './lib/report'

export const benchmark: Benchmark = {
  id: 'query-plan-cache',
  title: 'query-plan-cache',
  run: async () => {
    throw new Error('The query-plan-cache benchmark is not written yet.')
  },
}
