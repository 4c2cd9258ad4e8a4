// Command-line tools beyond running a node; `src/cli.ts` registers each.
export { ledgerCommand } from './ledger-verify.ts'
export { screenCommand } from './screen-command.ts'
