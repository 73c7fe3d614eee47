#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, selected by PRISMA_SCHEMA_ENGINE_BINARY
// (scripts/prisma/run.ts sets it). It speaks the CLI's protocol: JSON-RPC requests on stdin, one
// per line, answers on stdout, JSON log lines on stderr; plus the one-shot `--version` and
// `cli can-connect-to-database | create-database | drop-database` forms. Every RPC is forwarded to
// the WebAssembly engine (see wasm-engine.mjs).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import pg from 'pg'
import { openSchemaEngine, poolConfigFromUrl } from './wasm-engine.mjs'

const require = (await import('node:module')).createRequire(import.meta.url)
const { enginesVersion } = require('@prisma/engines-version')

function parseArguments(argv) {
  const options = { datamodels: [], datasource: undefined, cliCommand: undefined, version: false }
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]
    if (argument === '--version' || argument === '-V') options.version = true
    else if (argument === '--datamodels') options.datamodels.push(argv[++index])
    else if (argument === '--datasource') options.datasource = JSON.parse(argv[++index])
    else if (argument === 'cli') options.cliCommand = argv[++index]
    else if (argument.startsWith('--')) index += 1 // --enabled-preview-features and friends take a value
  }
  return options
}

function logError(message, errorCode) {
  const fields = errorCode ? { message, error_code: errorCode } : { message }
  process.stderr.write(
    `${JSON.stringify({ timestamp: new Date().toISOString(), level: 'ERROR', fields, target: 'schema_engine::logger' })}\n`,
  )
}

async function runOneShot(command, url) {
  const config = poolConfigFromUrl(url)
  const database = config.database
  const admin = new pg.Client({
    ...config,
    Client: undefined,
    database: command === 'can-connect-to-database' ? database : 'postgres',
  })
  try {
    await admin.connect()
    if (command === 'create-database')
      await admin.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`)
    else if (command === 'drop-database')
      await admin.query(`DROP DATABASE IF EXISTS "${database.replaceAll('"', '""')}" WITH (FORCE)`)
    else if (command !== 'can-connect-to-database')
      throw new Error(`Unknown schema engine command: ${command}`)
    process.stdout.write(`${JSON.stringify({ result: 'ok' })}\n`)
  } catch (error) {
    const code = error.code === '3D000' ? 'P1003' : error.code === 'ECONNREFUSED' ? 'P1001' : undefined
    logError(error.message, code)
    process.exitCode = 1
  } finally {
    await admin.end().catch(() => {})
  }
}

/** Turns what the WebAssembly engine throws into the error shape the CLI understands. */
function toRpcError(error) {
  let detail = error
  if (typeof error?.message === 'string') {
    try {
      detail = JSON.parse(error.message)
    } catch {
      detail = { message: error.message }
    }
  }
  const message = detail?.message ?? String(error)
  const isPanic = Boolean(detail?.is_panic)
  return {
    code: 4466,
    message: 'An error happened. Check the data field for details.',
    data: { is_panic: isPanic, message, meta: detail?.meta ?? null, error_code: detail?.error_code ?? null },
  }
}

const METHOD_ALIASES = { getDatabaseVersion: 'version' }

async function serve(options) {
  const url = options.datasource?.url ?? process.env.DATABASE_URL
  if (!url) throw new Error('No datasource URL: set DATABASE_URL or datasource.url in prisma.config.ts')
  const datamodels = options.datamodels.map((file) => [file, readFileSync(path.resolve(file), 'utf8')])
  const engine = await openSchemaEngine({
    url,
    shadowDatabaseUrl: options.datasource?.shadowDatabaseUrl ?? process.env.SHADOW_DATABASE_URL,
    datamodels,
    log: (line) => process.stderr.write(`${line}\n`),
  })
  const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
  const pending = []
  // The native engine prints `migrate diff` output by asking the CLI to print it (a `print`
  // request); the CLI's answer to each of our requests resolves one of these.
  const printReplies = new Map()
  let nextPrintId = 1
  const askCliToPrint = (content) =>
    new Promise((resolve) => {
      const id = `print-${nextPrintId++}`
      printReplies.set(id, resolve)
      process.stdout.write(
        `${JSON.stringify({ jsonrpc: '2.0', id, method: 'print', params: { content } })}\n`,
      )
    })
  input.on('line', (line) => {
    if (!line.trim()) return
    const request = JSON.parse(line)
    if (request.method === undefined) {
      printReplies.get(request.id)?.()
      printReplies.delete(request.id)
      return
    }
    const method = METHOD_ALIASES[request.method] ?? request.method
    const work = (async () => {
      try {
        if (typeof engine[method] !== 'function')
          throw new Error(`Method not supported by the WebAssembly schema engine: ${request.method}`)
        const result = await engine[method](request.params ?? {})
        if (method === 'diff' && typeof result?.stdout === 'string') {
          await askCliToPrint(result.stdout)
          result.stdout = null
        }
        process.stdout.write(
          `${JSON.stringify({ jsonrpc: '2.0', id: request.id, result: result ?? null })}\n`,
        )
      } catch (error) {
        process.stdout.write(
          `${JSON.stringify({ jsonrpc: '2.0', id: request.id, error: toRpcError(error) })}\n`,
        )
      }
    })()
    pending.push(work)
  })
  await new Promise((resolve) => input.on('close', resolve))
  await Promise.allSettled(pending)
  engine.free?.()
  process.exit(0)
}

const options = parseArguments(process.argv.slice(2))
if (options.version) {
  process.stdout.write(`schema-engine-cli ${enginesVersion}\n`)
} else if (options.cliCommand) {
  await runOneShot(options.cliCommand, options.datasource?.url ?? process.env.DATABASE_URL)
} else {
  await serve(options)
}
