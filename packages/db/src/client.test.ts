import { describe, expect, it } from 'vitest'
import { parseDatabaseUrl } from './client.ts'

describe('parseDatabaseUrl', () => {
  it('splits a URL into the separate settings @prisma/adapter-pg needs', () => {
    expect(parseDatabaseUrl('postgresql://yoryo:p%40ss%3Aword@db.example:6543/yoryo_prod')).toEqual(
      {
        host: 'db.example',
        port: 6543,
        user: 'yoryo',
        password: 'p@ss:word',
        database: 'yoryo_prod',
        application_name: 'yoryo',
      },
    )
  })

  it('defaults the port and the database, and reads sslmode, schema and socket folders', () => {
    const config = parseDatabaseUrl(
      'postgres://app@localhost?sslmode=require&schema=market&connection_limit=5&host=/var/run/postgresql',
    )
    expect(config).toMatchObject({
      host: '/var/run/postgresql',
      port: 5432,
      database: 'postgres',
      user: 'app',
      ssl: { rejectUnauthorized: false },
      schema: 'market',
      options: '-c search_path="market"',
      max: 5,
    })
    expect(parseDatabaseUrl('postgresql://[::1]:5433/x').host).toBe('::1')
  })

  it('sizes the pool by connection_limit, else by the default given, else leaves it to pg', () => {
    expect(parseDatabaseUrl('postgresql://h/x?connection_limit=5', { poolSize: 20 }).max).toBe(5)
    expect(parseDatabaseUrl('postgresql://h/x', { poolSize: 20 }).max).toBe(20)
    expect(parseDatabaseUrl('postgresql://h/x').max).toBeUndefined()
  })

  it('rejects what is not a postgresql:// URL', () => {
    expect(() => parseDatabaseUrl('mysql://localhost/x')).toThrow(/postgresql:\/\//)
    expect(() => parseDatabaseUrl('not a url')).toThrow(/not a valid URL/)
  })
})
