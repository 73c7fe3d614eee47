// Placeholder until this benchmark is written (issue 6): running it fails loudly.
import type { Benchmark } from './lib/report'

export const benchmark: Benchmark = {
  id: 'dossier-list',
  title: 'dossier-list',
  run: async () => {
    throw new Error('The dossier-list benchmark is not written yet.')
  },
}
