import type { FastifyRequest } from 'fastify'
import { requireStepUp, type StepUpOperation } from '../http/step-up'

/**
 * The case room's privileged actions (lifting an ethical wall, re-admitting externals after
 * "restrict to internal") need a fresh second confirmation: the suite-wide step-up decides,
 * records a refusal and answers `step_up_required`. Call it before opening a transaction.
 */
export async function requireCaseStepUp(req: FastifyRequest, op: StepUpOperation): Promise<void> {
  await requireStepUp(req, op)
}
