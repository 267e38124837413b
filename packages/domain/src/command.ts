/**
 * The rules command line without its I/O: parsing the arguments and running one command on the
 * text of a JSON document. `cli.ts` reads the file, prints and exits.
 */
import { assessMonth, type AssessmentInput } from './assessment.ts'
import { clearAuction, explainClearing } from './clearing.ts'
import { computeContractAmount } from './contract-amount.ts'
import { RulesValidationError } from './errors.ts'
import type { RulesProblem } from './errors.ts'
import { computeExpectedCapacity } from './expected-capacity.ts'
import type { ClearingInput, ContractAmountInput, ExpectedCapacityInput } from './types.ts'

export const RULES_COMMANDS = [
  'clear',
  'expected-capacity',
  'contract-amount',
  'assess-month',
] as const
export type RulesCommand = (typeof RULES_COMMANDS)[number]

export interface CommandOptions {
  /** clear only: print explainClearing's explanation instead of the bare result. */
  explain?: boolean
  /** Language of problem messages (default ja). */
  lang?: 'ja' | 'en'
}

export interface CommandLine extends CommandOptions {
  command: RulesCommand
  /** A path, or `-` for standard input. */
  file: string
}

/** 0 with the result, or 2 with the problem `{ messageId, message, path }`. */
export type CommandOutcome =
  { exitCode: 0; output: unknown } | { exitCode: 2; output: RulesProblem }

function isCommand(value: string): value is RulesCommand {
  return (RULES_COMMANDS as readonly string[]).includes(value)
}

/** `[command, file, --explain, --lang en]` → the command line, or a RulesValidationError. */
export function parseCommandLine(args: readonly string[]): CommandLine {
  const positional: string[] = []
  let explain = false
  let lang: 'ja' | 'en' = 'ja'
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? ''
    if (arg === '--explain') explain = true
    else if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg === '--lang' ? args[++i] : arg.slice('--lang='.length)
      if (value !== 'ja' && value !== 'en') {
        throw new RulesValidationError('E-RULES-009', [], {
          option: `--lang ${value ?? ''}`.trim(),
        })
      }
      lang = value
    } else if (arg.startsWith('--'))
      throw new RulesValidationError('E-RULES-009', [], { option: arg })
    else positional.push(arg)
  }
  const [command, file] = positional
  if (command === undefined || !isCommand(command)) {
    throw new RulesValidationError('E-RULES-002', [], { command: command ?? '' })
  }
  if (file === undefined || positional.length > 2) throw new RulesValidationError('E-RULES-008', [])
  return { command, file, explain, lang }
}

/** Runs one command on the text of a JSON document. */
export function runRulesCommand(
  command: string,
  text: string,
  options: CommandOptions = {},
): CommandOutcome {
  const lang = options.lang ?? 'ja'
  try {
    if (!isCommand(command)) throw new RulesValidationError('E-RULES-002', [], { command })
    let input: unknown
    try {
      input = JSON.parse(text.replace(/^\uFEFF/, ''))
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error)
      throw new RulesValidationError('E-RULES-001', [], { detail })
    }
    switch (command) {
      case 'clear':
        return {
          exitCode: 0,
          output: options.explain
            ? explainClearing(input as ClearingInput)
            : clearAuction(input as ClearingInput),
        }
      case 'expected-capacity':
        return { exitCode: 0, output: computeExpectedCapacity(input as ExpectedCapacityInput) }
      case 'contract-amount':
        return { exitCode: 0, output: computeContractAmount(input as ContractAmountInput) }
      case 'assess-month':
        return { exitCode: 0, output: assessMonth(input as AssessmentInput) }
    }
  } catch (error) {
    if (error instanceof RulesValidationError) return { exitCode: 2, output: error.toProblem(lang) }
    throw error
  }
}

/** The problem for an input file that cannot be read (E-RULES-003). */
export function unreadableFile(file: string, lang: 'ja' | 'en' = 'ja'): CommandOutcome {
  return {
    exitCode: 2,
    output: new RulesValidationError('E-RULES-003', [], { file }).toProblem(lang),
  }
}
