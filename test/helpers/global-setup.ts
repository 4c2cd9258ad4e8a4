// Once per run: when TEST_DATABASE_URL names a PostgreSQL server, migrate a template database there that each
// test file clones (CREATE DATABASE … TEMPLATE), so every file gets a fresh migrated database in milliseconds.
import type { TestProject } from 'vitest/node'
import { createTemplate, dropTemplate } from './pg-template.ts'

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL
  if (!url) return
  const template = await createTemplate(url)
  project.provide('pgTemplate', template)
  return async () => dropTemplate(url, template)
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string
  }
}
