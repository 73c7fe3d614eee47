// Runs Prisma's schema engine as WebAssembly over node-postgres.
//
// Why: Prisma 7's CLI downloads a native schema engine for `generate` and `migrate *`, and that
// download host is unreachable on our build machines. `@prisma/schema-engine-wasm` is the same
// engine compiled to WebAssembly; it only needs a driver adapter. This module builds that adapter
// (working around three bugs of @prisma/adapter-pg 7.10, see below) and is used by:
//   - scripts/prisma/schema-engine.mjs, the stand-in binary the Prisma CLI talks to;
//   - scripts/db/new-migration.ts and the drift test, which call the engine directly.
import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import pg from 'pg'
import { parse as parseConnectionString } from 'pg-connection-string'
import { PrismaPg } from '@prisma/adapter-pg'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg'

const PG_CHAR_OID = 18
const PG_TEXT_OID = 25
// ColumnTypeEnum.Character of @prisma/driver-adapter-utils.
const CHARACTER_COLUMN = 6
/** Result rows arrays → indexes of their `"char"` columns. */
const charColumnsOf = new WeakMap()

/**
 * PostgreSQL's internal one-byte `"char"` type (OID 18) appears in the catalogs the engine's
 * schema describer reads (e.g. `pg_constraint.contype`), and @prisma/adapter-pg 7.10 cannot map
 * it ("Column type 'char' could not be deserialized"). This client reports such columns as text so
 * the adapter accepts them, and remembers where they were so that `withCharColumns` can tell the
 * engine they are characters.
 */
class CatalogFriendlyClient extends pg.Client {
  query(config, values, callback) {
    const relabel = (result) => {
      for (const one of Array.isArray(result) ? result : [result]) {
        const indexes = []
        for (const [index, field] of (one?.fields ?? []).entries()) {
          if (field.dataTypeID === PG_CHAR_OID) {
            field.dataTypeID = PG_TEXT_OID
            indexes.push(index)
          }
        }
        if (indexes.length > 0 && Array.isArray(one.rows)) charColumnsOf.set(one.rows, indexes)
      }
      return result
    }
    if (typeof values === 'function') {
      callback = values
      values = undefined
    }
    if (typeof callback === 'function') {
      return super.query(config, values, (error, result) => callback(error, error ? result : relabel(result)))
    }
    const pending = super.query(config, values)
    return pending && typeof pending.then === 'function' ? pending.then(relabel) : pending
  }
}

/** Makes a queryable (adapter or transaction) report `"char"` columns as characters. */
function withCharColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable)
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query)
    for (const index of charColumnsOf.get(result.rows) ?? []) result.columnTypes[index] = CHARACTER_COLUMN
    return result
  }
  if (typeof queryable.startTransaction === 'function') {
    const startTransaction = queryable.startTransaction.bind(queryable)
    queryable.startTransaction = async (...args) => withCharColumns(await startTransaction(...args))
  }
  return queryable
}

/**
 * Splits a URL into discrete fields: adapter-pg spreads `{...config, database}` for the shadow
 * database, and a `connectionString` would silently win over `database`.
 */
export function poolConfigFromUrl(url) {
  const parsed = parseConnectionString(url)
  return {
    host: parsed.host ?? undefined,
    port: parsed.port ? Number(parsed.port) : undefined,
    user: parsed.user ?? undefined,
    password: parsed.password ?? undefined,
    database: parsed.database ?? undefined,
    ssl: parsed.ssl ?? undefined,
    max: 4,
    Client: CatalogFriendlyClient,
  }
}

/** Sends a whole script in one simple query: adapter-pg splits on `;`, which breaks `$$` bodies. */
function runScriptsWhole(adapter) {
  withCharColumns(adapter)
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script)
    } catch (error) {
      adapter.onError(error)
    }
  }
  return adapter
}

class MigrationAdapterFactory {
  provider = 'postgres'
  adapterName = '@prisma/adapter-pg'

  constructor(url, shadowDatabaseUrl) {
    this.config = poolConfigFromUrl(url)
    this.shadowDatabaseUrl = shadowDatabaseUrl
  }

  async connect() {
    return runScriptsWhole(
      await new PrismaPg(new pg.Pool(this.config), { disposeExternalPool: true }).connect(),
    )
  }

  async connectToShadowDb() {
    if (this.shadowDatabaseUrl) {
      const shadow = poolConfigFromUrl(this.shadowDatabaseUrl)
      return runScriptsWhole(await new PrismaPg(new pg.Pool(shadow), { disposeExternalPool: true }).connect())
    }
    const name = `prisma_migrate_shadow_db_${randomUUID().replaceAll('-', '')}`
    const admin = new pg.Client({ ...this.config, Client: undefined })
    await admin.connect()
    try {
      await admin.query(`CREATE DATABASE "${name}"`)
    } finally {
      await admin.end()
    }
    const pool = new pg.Pool({ ...this.config, database: name })
    const adapter = runScriptsWhole(await new PrismaPg(pool).connect())
    // adapter-pg drops the shadow database while its own pool still holds connections: close the
    // pool first, then force the drop.
    adapter.dispose = async () => {
      await pool.end()
      const dropper = new pg.Client({ ...this.config, Client: undefined })
      await dropper.connect()
      try {
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      } finally {
        await dropper.end()
      }
    }
    return adapter
  }
}

let loaded
// The engine reports Rust panics through this global before throwing.
globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
  message: '',
  set_message(message) {
    this.message = `RuntimeError: ${message}`
  },
}
/**
 * Instantiates the engine's WebAssembly module by hand: the package imports `.wasm` as an ES
 * module, which Node 20 only allows behind --experimental-wasm-modules.
 */
async function loadEngine() {
  if (!loaded) {
    const require = createRequire(import.meta.url)
    const packageDir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'))
    const bytes = readFileSync(path.join(packageDir, 'schema_engine_bg.wasm'))
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': engineBindings })
    engineBindings.__wbg_set_wasm(instance.exports)
    instance.exports.__wbindgen_start()
    loaded = engineBindings.SchemaEngine
  }
  return loaded
}

/**
 * A Rust panic inside the engine surfaces as an uncaught WebAssembly.RuntimeError thrown from a
 * callback, leaving the engine's promise pending forever: turn it into a rejection of `work`.
 */
export function rejectOnPanic(work) {
  return new Promise((resolve, reject) => {
    const onUncaught = (error) => {
      if (!(error instanceof WebAssembly.RuntimeError)) throw error
      reject(
        new Error(
          `The schema engine panicked: ${globalThis.PRISMA_WASM_PANIC_REGISTRY?.message || error.message}`,
        ),
      )
    }
    process.on('uncaughtException', onUncaught)
    work.then(resolve, reject).finally(() => process.off('uncaughtException', onUncaught))
  })
}

/** Opens the WebAssembly schema engine against `url`. `log` receives the engine's log lines. */
export async function openSchemaEngine({ url, shadowDatabaseUrl, datamodels = [], log = () => {} }) {
  const factory = bindMigrationAwareSqlAdapterFactory(new MigrationAdapterFactory(url, shadowDatabaseUrl))
  const SchemaEngine = await loadEngine()
  return SchemaEngine.new({ datamodels: datamodels.length > 0 ? datamodels : undefined }, log, factory)
}

/** Reads `prisma/migrations` into the shape the engine expects. */
export function loadMigrationsList(migrationsDir) {
  const lockfilePath = path.join(migrationsDir, 'migration_lock.toml')
  const directories = existsSync(migrationsDir)
    ? readdirSync(migrationsDir)
        .filter((entry) => statSync(path.join(migrationsDir, entry)).isDirectory())
        .sort()
    : []
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: 'migration_lock.toml',
      content: existsSync(lockfilePath) ? readFileSync(lockfilePath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: directories.map((directory) => {
      const file = path.join(migrationsDir, directory, 'migration.sql')
      return {
        path: directory,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(file)
            ? { tag: 'ok', value: readFileSync(file, 'utf8') }
            : { tag: 'error', value: 'missing' },
        },
      }
    }),
  }
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] }

/**
 * The SQL that would bring a database built from `migrationsDir` to `schemaPath`, or '' when the
 * two agree. Replays the migrations in a temporary shadow database on the server behind `url`.
 */
export async function diffMigrationsAgainstSchema({ url, migrationsDir, schemaPath }) {
  const engine = await openSchemaEngine({ url })
  try {
    const result = await rejectOnPanic(
      engine.diff({
        from: { tag: 'migrations', ...loadMigrationsList(migrationsDir) },
        to: {
          tag: 'schemaDatamodel',
          files: [{ path: schemaPath, content: readFileSync(schemaPath, 'utf8') }],
        },
        script: true,
        exitCode: true,
        filters: NO_FILTERS,
      }),
    )
    return result.exitCode === 2 ? (result.stdout ?? '') : ''
  } finally {
    engine.free()
  }
}
