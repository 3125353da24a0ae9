/* The log as a FHIR R4 Bundle (type "collection"), for a clinic's system. Made on the device from
   IndexedDB; nothing is sent anywhere. Pure: records in, a plain JSON-able object out.

   What goes in (docs/tracking.md says the same):
   - pain: one Observation per rating, LOINC 72514-3 (0-10 numeric rating, reported; FACTS §11),
     with bodySite SNOMED CT 61685007 "Lower limb structure" (leg) or 37822005 "Lower back
     structure" (back). Back pain only when it was rated.
   - function check-ins: one Observation per PSFS activity (0 unable ... 10 as before), one for the
     average (a Quantity in UCUM {score}, derivedFrom the activities), walking and sitting tolerance in minutes (UCUM "min"),
     the 7-point global rating of change (-3 ... +3, its words in a note).
   - medicines: MedicationStatement (the person's own report of what they took, FHIR R4's fit for
     it); physio, massage, injection, heat, ice and other: Procedure (something done to or for
     the person), status "completed". Whether it helped and side effects go in notes.
   - the person: an anonymous Patient, with a name and birth date only if typed on the page.
   Records from other devices and older versions are not trusted: one whose time can't be read,
   or a value out of range, is left out rather than sent as something it isn't. */
// @ts-check
import { CHANGE_LABELS, TREATMENT_HELPED_LABELS, TREATMENT_KIND_LABELS } from '../generated/contract.js';
import { uuid7 } from '../lib/ids.js';

const LOINC = 'http://loinc.org';
const SNOMED = 'http://snomed.info/sct';
const UCUM = 'http://unitsofmeasure.org';
const CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const PAIN_CODE = { system: LOINC, code: '72514-3', display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported' };
const BODY_SITES = {
  leg: { system: SNOMED, code: '61685007', display: 'Lower limb structure' },
  back: { system: SNOMED, code: '37822005', display: 'Lower back structure' },
};
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const list = (value) => (Array.isArray(value) ? value : []);
const whole = (value, min, max) => (Number.isInteger(value) && value >= min && value <= max ? value : null);
const text = (value) => (typeof value === 'string' ? value.trim() : '');

function instant(value) {
  const ms = typeof value === 'string' && value ? Date.parse(value) : value instanceof Date ? value.getTime() : NaN;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

const category = (code, display) => [{ coding: [{ system: CATEGORY, code, display }] }];
const minutes = (value) => ({ value, unit: 'min', system: UCUM, code: 'min' });

/**
 * @param {{ logs?: object[], checks?: object[], treatments?: object[],
 *   patient?: { name?: string, birthDate?: string } | null, now?: Date | string, newId?: () => string }} input
 * `newId` makes the resources' UUIDs (the app's uuid7, which needs no secure context; tests pass their own).
 * @returns {{ resourceType: 'Bundle', type: 'collection', timestamp: string, entry: object[] }}
 */
function fhirBundle({ logs = [], checks = [], treatments = [], patient = null, now = new Date(), newId } = {}) {
  const makeId = newId || (() => uuid7());
  const entry = [];
  const add = (resource) => {
    const id = makeId();
    entry.push({ fullUrl: `urn:uuid:${id}`, resource: { resourceType: resource.resourceType, id, ...resource } });
    return `urn:uuid:${id}`;
  };

  const person = { resourceType: 'Patient' };
  const name = isObject(patient) ? text(patient.name) : '';
  const born = isObject(patient) ? text(patient.birthDate) : '';
  if (name) person.name = [{ text: name }];
  if (DAY.test(born)) person.birthDate = born;
  const subject = { reference: add(person) };

  const sortedBy = (records, field) => list(records).filter(isObject)
    .map((record) => ({ record, at: instant(record[field]) })).filter((r) => r.at !== null)
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  for (const { record, at } of sortedBy(logs, 'loggedAt')) {
    for (const [site, field, label] of [['leg', 'legPain', 'Leg pain'], ['back', 'backPain', 'Back pain']]) {
      const value = whole(record[field], 0, 10);
      if (value === null) continue;
      add({
        resourceType: 'Observation', status: 'final', category: category('survey', 'Survey'),
        code: { coding: [PAIN_CODE], text: label }, subject, effectiveDateTime: at, valueInteger: value,
        bodySite: { coding: [BODY_SITES[site]], text: site === 'leg' ? 'Leg' : 'Lower back' },
      });
    }
  }

  for (const { record, at } of sortedBy(checks, 'checkedAt')) {
    const observation = (label, value, extra = {}) => add({
      resourceType: 'Observation', status: 'final', category: category('survey', 'Survey'),
      code: { text: label }, subject, effectiveDateTime: at, ...value, ...extra,
    });
    const items = [];
    let sum = 0;
    for (const rating of list(record.ratings).filter(isObject)) {
      const score = whole(rating.score, 0, 10);
      const activity = text(rating.name);
      if (score === null || !activity) continue;
      items.push(observation(`Patient-Specific Functional Scale: ${activity}`, { valueInteger: score }));
      sum += score;
    }
    if (items.length) {
      // Observation has no valueDecimal in R4: a decimal score is a Quantity in UCUM's {score}.
      const average = Math.round((sum * 10) / items.length) / 10;
      observation('Patient-Specific Functional Scale: average of the activities', { valueQuantity: { value: average, unit: 'score', system: UCUM, code: '{score}' } },
        { derivedFrom: items.map((reference) => ({ reference })) });
    }
    const walk = whole(record.walkMinutes, 0, 600);
    if (walk !== null) observation('Walking tolerance (minutes at a time)', { valueQuantity: minutes(walk) }, { category: category('activity', 'Activity') });
    const sit = whole(record.sitMinutes, 0, 600);
    if (sit !== null) observation('Sitting tolerance (minutes at a time)', { valueQuantity: minutes(sit) }, { category: category('activity', 'Activity') });
    const change = whole(record.change, -3, 3);
    if (change !== null) {
      observation('Global rating of change since starting (7 points, -3 very much worse to +3 very much better)', { valueInteger: change },
        { note: [{ text: CHANGE_LABELS[String(change)] || String(change) }] });
    }
  }

  for (const { record, at } of sortedBy(treatments, 'takenAt')) {
    const kind = text(record.kind) || 'other';
    const label = text(record.name) || TREATMENT_KIND_LABELS[kind] || kind;
    const notes = [];
    if (record.helped && TREATMENT_HELPED_LABELS[record.helped]) notes.push({ text: `Helped: ${TREATMENT_HELPED_LABELS[record.helped]}` });
    if (text(record.sideEffects)) notes.push({ text: `Side effects: ${text(record.sideEffects)}` });
    if (text(record.notes)) notes.push({ text: text(record.notes) });
    const noted = notes.length ? { note: notes } : {};
    if (kind === 'medicine') {
      add({
        resourceType: 'MedicationStatement', status: 'completed', medicationCodeableConcept: { text: label }, subject,
        effectiveDateTime: at, dateAsserted: at, ...(text(record.dose) ? { dosage: [{ text: text(record.dose) }] } : {}), ...noted,
      });
    } else {
      const kindLabel = TREATMENT_KIND_LABELS[kind] || kind;
      add({
        resourceType: 'Procedure', status: 'completed', code: { text: label === kindLabel ? kindLabel : `${kindLabel}: ${label}` }, subject,
        performedDateTime: at, ...noted,
      });
    }
  }

  return { resourceType: 'Bundle', type: 'collection', timestamp: instant(now) || new Date().toISOString(), entry };
}

/** @param {Date | number | string} [now] */
function fhirFilename(now = new Date()) {
  const d = new Date(typeof now === 'string' || typeof now === 'number' ? now : now.getTime());
  const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return `relieve-fhir-${day}.json`;
}

export { fhirBundle, fhirFilename, BODY_SITES, PAIN_CODE };
