// The `qinglang` command: run a node, run the demo, make the first admin of a real deployment.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { Command, InvalidArgumentError } from 'commander'
import { createStaff, type Role, rolesForNode } from './core/auth/index.ts'
import { ConfigError, type ConfigOverrides, loadConfig, processEnvironment } from './core/config.ts'
import { transaction } from './core/db/index.ts'
import { DomainError, ERRORS } from './core/errors.ts'
import { getOrganisationByKey } from './core/organisations/index.ts'
import { runDemo } from './demo/index.ts'
import { prepareDatabase, type RunningNode, startNode } from './server/start.ts'
import { ledgerCommand, screenCommand } from './tools/index.ts'

function port(v: string): number {
  const n = Number(v)
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('port must be 0–65535')
  return n
}

interface NodeFlags {
  role?: string
  data?: string
  port?: number
  host?: string
  id?: string
  nameZh?: string
  nameEn?: string
  publicUrl?: string
  masterKeyFile?: string
}

function overridesOf(f: NodeFlags): ConfigOverrides {
  return {
    role: f.role,
    dataDir: f.data,
    port: f.port,
    host: f.host,
    id: f.id,
    nameZh: f.nameZh,
    nameEn: f.nameEn,
    publicUrl: f.publicUrl,
    masterKey: f.masterKeyFile
      ? Buffer.from(readFileSync(f.masterKeyFile, 'utf8').trim(), 'base64')
      : undefined,
  }
}

function nodeOptions(cmd: Command): Command {
  return cmd
    .option('--role <role>', 'regulator | platform')
    .option('--data <dir>', 'embedded database folder (ignored when DATABASE_URL is set)')
    .option('--id <id>', 'node id, e.g. tonghua-cac or platform-a')
    .option('--name-zh <name>', 'node name in Chinese')
    .option('--name-en <name>', 'node name in English')
    .option('--master-key-file <file>', 'file holding the base64 master key (instead of QINGLANG_MASTER_KEY)')
}

function stopOnSignals(nodes: RunningNode[]): void {
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`\n收到 ${signal}，正在停止 / stopping …`)
    await Promise.allSettled(nodes.map((n) => n.stop()))
    console.log('已停止 / stopped')
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

/** Builds the console when it is missing or older than its sources, so `npm start` works from a fresh clone. */
function ensureWebBuilt(root: string): void {
  const index = path.join(root, 'dist/web/index.html')
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = path.join(dir, e.name)
      return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs)
    }, 0)
  if (existsSync(index) && statSync(index).mtimeMs >= newest(path.join(root, 'web'))) return
  console.log('正在构建控制台 / building the console (vite build) …')
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'web/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  )
  if (r.status !== 0) throw new Error('console build failed / 控制台构建失败')
}

async function readPassword(prompt: string, fromStdin: boolean): Promise<string> {
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: !fromStdin && process.stdin.isTTY,
  })
  if (!fromStdin && process.stdin.isTTY) {
    // Hide what is typed: readline echoes through _writeToOutput.
    const r = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WritableStream }
    r._writeToOutput = (s: string) => {
      if (s.includes(prompt)) r.output.write(s)
    }
  }
  const answer = await new Promise<string>((resolve) => rl.question(prompt, resolve))
  rl.close()
  if (!fromStdin) process.stdout.write('\n')
  return answer.trim()
}

const program = new Command('qinglang').description(
  '清朗 qinglang — 通化市网络虚假信息治理 / governing online false information',
)

nodeOptions(program.command('serve').description('run one node / 运行一个节点'))
  .option('--port <port>', 'HTTP port', port)
  .option('--host <host>', 'address to listen on (default 127.0.0.1)')
  .option('--public-url <url>', 'URL at which others reach this node')
  .action(async (flags: NodeFlags) => {
    const { config, secrets } = loadConfig(processEnvironment(), overridesOf(flags))
    const node = await startNode(config, secrets)
    stopOnSignals([node])
    console.log(`${config.node.nameZh} (${config.node.role}) ${config.http.publicUrl}  db=${config.db.kind}`)
  })

program
  .command('demo')
  .description('run the demo: the Tonghua regulator on 8080, platforms A and B on 8081/8082 / 运行演示')
  .option('--reset', 'start afresh: delete data/demo first')
  .option('--dir <dir>', 'demo data folder', 'data/demo')
  .option('--no-build', 'do not build the console first')
  .option('--ports <list>', 'three ports instead of 8080,8081,8082 (0 picks a free one)', (v: string) =>
    v.split(',').map(port),
  )
  .action(async (flags: { reset?: boolean; dir: string; build: boolean; ports?: number[] }) => {
    if (flags.ports !== undefined && flags.ports.length !== 3)
      throw new InvalidArgumentError('--ports takes three ports')
    if (flags.build) ensureWebBuilt(process.cwd())
    const nodes = await runDemo({
      root: path.resolve(flags.dir),
      reset: flags.reset === true,
      env: processEnvironment(),
      ports: flags.ports,
    })
    stopOnSignals(nodes)
  })

program
  .command('migrate')
  .description('bring the database schema up to date and stop / 更新数据库结构')
  .option('--role <role>', 'regulator | platform')
  .option('--data <dir>', 'embedded database folder')
  .option('--master-key-file <file>', 'file holding the base64 master key')
  .action(async (flags: NodeFlags) => {
    const { config, secrets } = loadConfig(processEnvironment(), overridesOf(flags))
    const { database } = await prepareDatabase(config, secrets)
    await database.close()
    console.log('数据库已是最新 / database is up to date')
  })

const admin = program.command('admin').description('administration / 管理')
nodeOptions(admin.command('create').description('create an admin of a real deployment / 创建管理员'))
  .requiredOption('--login <login>', 'login name')
  .requiredOption('--display-name <name>', 'name shown in the console')
  .option('--org <key>', 'organisation key (default: cac on a regulator node, platform on a platform node)')
  .option('--password-stdin', 'read the password from standard input instead of prompting')
  .action(
    async (
      flags: NodeFlags & { login: string; displayName: string; org?: string; passwordStdin?: boolean },
    ) => {
      const { config, secrets } = loadConfig(processEnvironment(), overridesOf(flags))
      const password = await readPassword('密码 password: ', flags.passwordStdin === true)
      const { database: db } = await prepareDatabase(config, secrets)
      try {
        const orgKey = flags.org ?? (config.node.role === 'regulator' ? 'cac' : 'platform')
        const role: Role = rolesForNode(config.node.role)[0] as Role
        const staff = await transaction(db.db, async (tx) => {
          const org = await getOrganisationByKey(tx, orgKey)
          return createStaff(tx, null, {
            login: flags.login,
            displayName: flags.displayName,
            password,
            roles: [role],
            organisationId: org.id,
          })
        })
        console.log(`已创建管理员 / admin created: ${staff.login} (${role}) id=${staff.id}`)
      } finally {
        await db.close()
      }
    },
  )

program.addCommand(ledgerCommand())
program.addCommand(screenCommand())

program.parseAsync().catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(e.message)
  else if (e instanceof DomainError)
    console.error(`${ERRORS[e.code].zh} / ${ERRORS[e.code].en} (${e.code}) ${JSON.stringify(e.details)}`)
  else console.error(e)
  process.exit(1)
})
