import { attackProject } from './vitest.config'

/** The attack suite again with each server on its own fresh database on TEST_DATABASE_URL's PostgreSQL. */
export default attackProject('attack-pg', 'pg')
