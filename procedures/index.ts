/**
 * The catalogue of procedures: one definition file per procedure (its name is the procedure's id),
 * listed here in the catalogue's order. `loadProcedures()` checks them all at start-up against the
 * schema (src/domain/procedures/check.ts) and throws a ProcedureDefinitionError naming the file
 * and the path of each error; the server does not start with a broken definition.
 */
import { parseProcedures } from '../src/domain/procedures/check.js';
import type { ProcedureDefinition } from '../src/domain/procedures/definition.js';
import bulkyWasteCollection from './bulky-waste-collection.js';
import citizenCourseApplication from './citizen-course-application.js';
import cityTaxCertificate from './city-tax-certificate.js';
import dogRegistrationChange from './dog-registration-change.js';
import letterToMayor from './letter-to-mayor.js';
import outdoorAdvertisementPermit from './outdoor-advertisement-permit.js';
import residentCertificateByMail from './resident-certificate-by-mail.js';
import roadParkDamageReport from './road-park-damage-report.js';

/** The definition files as written (before the check), with the file each comes from. */
export const PROCEDURE_FILES: readonly { file: string; definition: unknown }[] = [
  { file: 'procedures/bulky-waste-collection.ts', definition: bulkyWasteCollection },
  { file: 'procedures/resident-certificate-by-mail.ts', definition: residentCertificateByMail },
  { file: 'procedures/dog-registration-change.ts', definition: dogRegistrationChange },
  { file: 'procedures/citizen-course-application.ts', definition: citizenCourseApplication },
  { file: 'procedures/road-park-damage-report.ts', definition: roadParkDamageReport },
  { file: 'procedures/outdoor-advertisement-permit.ts', definition: outdoorAdvertisementPermit },
  { file: 'procedures/city-tax-certificate.ts', definition: cityTaxCertificate },
  { file: 'procedures/letter-to-mayor.ts', definition: letterToMayor },
];

/** Every procedure, checked (defaults applied); throws a ProcedureDefinitionError on the first bad file. */
export function loadProcedures(): ProcedureDefinition[] {
  return parseProcedures(PROCEDURE_FILES);
}
