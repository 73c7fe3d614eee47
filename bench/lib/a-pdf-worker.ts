// One worker of the pdf benchmark (bench/pdf.ts), in a process of its own: started without the
// `react-server` condition (@react-pdf/renderer needs React's client build, as Next's bundle of the
// route gives it), so that two of them use both cores. Reads the form data (v8-serialised by
// bench/pdf.ts), renders one PDF to warm up, says "ready", renders COUNT PDFs when told "go" on
// stdin, and prints the milliseconds of each and the size of the last as JSON.
// Environment: DATA_FILE, COUNT.
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { deserialize } from 'node:v8'
import type { RegistrationFormData } from '../../lib/domain/registration-form'
import { renderRegistrationFormPdf } from '../../lib/pdf/registration-form'

const data = deserialize(readFileSync(process.env.DATA_FILE!)) as RegistrationFormData
await renderRegistrationFormPdf(data)
process.stdout.write('ready\n')
await once(process.stdin, 'data')
const durations: number[] = []
let bytes = 0
for (let index = 0; index < Number(process.env.COUNT); index += 1) {
  const started = performance.now()
  bytes = (await renderRegistrationFormPdf(data)).length
  durations.push(performance.now() - started)
}
process.stdout.write(`${JSON.stringify({ durations, bytes })}\n`)
process.exit(0)
