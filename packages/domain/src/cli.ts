/**
 * `pnpm --silent rules <clear|expected-capacity|contract-amount> <file.json|-> [--explain]
 * [--lang ja|en]` — the one I/O edge of the package: reads the input, prints one JSON document
 * to stdout, exits 0 (result) or 2 (invalid input).
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseCommandLine, runRulesCommand, unreadableFile } from './command.ts'
import type { CommandOutcome } from './command.ts'
import { RulesValidationError } from './errors.ts'

function langFromArgs(args: readonly string[]): 'ja' | 'en' {
  const i = args.findIndex((a) => a === '--lang' || a === '--lang=en')
  return i >= 0 && (args[i] === '--lang=en' || args[i + 1] === 'en') ? 'en' : 'ja'
}

/** Relative paths are taken from the directory the user ran pnpm in. */
function inputPath(file: string): string {
  const base =
    process.env.npm_lifecycle_event === 'rules' && process.env.INIT_CWD
      ? process.env.INIT_CWD
      : process.cwd()
  return resolve(base, file)
}

function main(args: readonly string[]): CommandOutcome {
  let line
  try {
    line = parseCommandLine(args)
  } catch (error) {
    if (error instanceof RulesValidationError) {
      return { exitCode: 2, output: error.toProblem(langFromArgs(args)) }
    }
    throw error
  }
  let text: string
  try {
    text = line.file === '-' ? readFileSync(0, 'utf8') : readFileSync(inputPath(line.file), 'utf8')
  } catch {
    return unreadableFile(line.file, line.lang)
  }
  return runRulesCommand(line.command, text, line)
}

const outcome = main(process.argv.slice(2))
process.stdout.write(`${JSON.stringify(outcome.output, null, 2)}\n`)
process.exitCode = outcome.exitCode
