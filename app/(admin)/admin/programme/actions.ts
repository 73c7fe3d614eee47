'use server'

import {
  centreSchema,
  pieceCatalogueSchema,
  programmeTextsSchema,
  responsablesSchema,
  ueCatalogueSchema,
  type AdminSaveResult,
  type CentreInput,
  type EditEnvelope,
  type PieceCatalogueInput,
  type ProgrammeTextsInput,
  type ResponsablesInput,
  type UeCatalogueInput,
} from '@/lib/schemas/programme'
import { runAdminEdit } from '@/lib/server/admin/programme/run-admin-action'
import { updateCentre } from '@/lib/server/admin/programme/update-centre'
import { updatePieceCatalogue } from '@/lib/server/admin/programme/update-piece-catalogue'
import { updateProgrammeTexts } from '@/lib/server/admin/programme/update-programme-texts'
import { updateResponsables } from '@/lib/server/admin/programme/update-responsables'
import { updateUeCatalogue } from '@/lib/server/admin/programme/update-ue-catalogue'

// Each action: authorize, parse with the form's schema, save in one transaction (the data function
// authorizes again and checks the version), then refresh the public programme page.

export async function updateProgrammeTextsAction(
  input: EditEnvelope<ProgrammeTextsInput>,
): Promise<AdminSaveResult<ProgrammeTextsInput>> {
  return runAdminEdit(input, programmeTextsSchema, ({ actor, id, version, values }) =>
    updateProgrammeTexts({ actor, programmeId: id, expectedVersion: version, values }),
  )
}

export async function updateResponsablesAction(
  input: EditEnvelope<ResponsablesInput>,
): Promise<AdminSaveResult<ResponsablesInput>> {
  return runAdminEdit(input, responsablesSchema, ({ actor, id, version, values }) =>
    updateResponsables({ actor, programmeId: id, expectedVersion: version, values }),
  )
}

export async function updateUeCatalogueAction(
  input: EditEnvelope<UeCatalogueInput>,
): Promise<AdminSaveResult<UeCatalogueInput>> {
  return runAdminEdit(input, ueCatalogueSchema, ({ actor, id, version, values }) =>
    updateUeCatalogue({ actor, programmeId: id, expectedVersion: version, values }),
  )
}

export async function updatePieceCatalogueAction(
  input: EditEnvelope<PieceCatalogueInput>,
): Promise<AdminSaveResult<PieceCatalogueInput>> {
  return runAdminEdit(input, pieceCatalogueSchema, ({ actor, id, version, values }) =>
    updatePieceCatalogue({ actor, programmeId: id, expectedVersion: version, values }),
  )
}

export async function updateCentreAction(
  input: EditEnvelope<CentreInput>,
): Promise<AdminSaveResult<CentreInput>> {
  return runAdminEdit(input, centreSchema, ({ actor, id, version, values }) =>
    updateCentre({ actor, centreId: id, expectedVersion: version, values }),
  )
}
