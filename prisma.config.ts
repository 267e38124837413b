import { defineConfig } from 'prisma/config'

// Used by the Prisma CLI only (generate; migrate deploy where the native engine is available).
// The application connects through driver adapters (packages/db/src/client.ts).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/yoryo' },
})
