// `npm run staff:create -- --email chef@cnam.re --name "Guy Rapanoel" --role admin [--password …]`
// Creates a staff account (the first admin, typically). Without --password a strong one is
// generated and printed once: give it to its owner, who can then change it and add a second factor.
import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import { withAppDatabase } from '../lib/with-app-database'

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', default: 'admin' },
    password: { type: 'string' },
  },
})
const role = String(values.role).toUpperCase()
if (!values.email || !values.name || !['ADMIN', 'GESTIONNAIRE', 'LECTURE'].includes(role)) {
  console.error(
    'Usage: npm run staff:create -- --email <e-mail> --name "<Prénom Nom>" [--role admin|gestionnaire|lecture] [--password <mot de passe>]',
  )
  process.exit(2)
}
const password =
  values.password ?? `${randomBytes(12).toString('base64url')}-${randomBytes(6).toString('base64url')}`

await withAppDatabase(async () => {
  const { createStaffUser } = await import('../../lib/server/staff/create-staff-user')
  const result = await createStaffUser({
    email: values.email!,
    name: values.name!,
    role: role as 'ADMIN',
    password,
  })
  if (!result.ok) {
    console.error(`Not created: ${result.message}`)
    process.exitCode = 1
    return
  }
  console.log(`Staff account created: ${values.email} (${role.toLowerCase()}).`)
  if (!values.password) console.log(`Password (shown once): ${password}`)
})
