import test from 'node:test';
import assert from 'node:assert/strict';
import { regionFor, telHref } from '../../static/js/safety/calls.js';

const calls = {
  default: null,
  regions: [
    { id: 'uk', name: 'United Kingdom', emergency: '999', urgent: '111', urgentName: 'NHS 111' },
    { id: 'eu', name: 'European Union', emergency: '112', urgent: null, urgentName: null },
    { id: 'us', name: 'United States', emergency: '911', urgent: null, urgentName: null },
    { id: 'ca', name: 'Canada', emergency: '911', urgent: null, urgentName: null },
    { id: 'au', name: 'Australia', emergency: '000', urgent: null, urgentName: null },
  ],
};
const id = (browser, c = calls) => (regionFor(c, browser) || { id: null }).id;

test('the time zone says where the phone is', () => {
  assert.equal(id({ timeZone: 'Europe/London', languages: ['en-US'] }), 'uk');
  assert.equal(id({ timeZone: 'Europe/Paris', languages: ['en-GB'] }), 'eu');
  assert.equal(id({ timeZone: 'America/Toronto', languages: ['en-US'] }), 'ca');
  assert.equal(id({ timeZone: 'America/Chicago', languages: ['es-MX'] }), 'us');
  assert.equal(id({ timeZone: 'Pacific/Honolulu' }), 'us');
  assert.equal(id({ timeZone: 'Australia/Sydney', languages: ['en-GB'] }), 'au');
});

test('a time zone that does not tell falls back to the languages, then to nothing', () => {
  assert.equal(id({ timeZone: 'UTC', languages: ['en-AU', 'en'] }), 'au');
  assert.equal(id({ timeZone: 'Asia/Tokyo', languages: ['de-AT'] }), 'eu');
  assert.equal(id({ timeZone: 'Asia/Tokyo', languages: ['ja-JP', 'en'] }), null);
  assert.equal(id({}), null);
});

test("the person's choice, then the deployment's default, come before any guess", () => {
  assert.equal(id({ chosen: 'au', timeZone: 'Europe/London' }), 'au');
  assert.equal(id({ timeZone: 'Europe/London' }, { ...calls, default: 'ca' }), 'ca');
  assert.equal(id({ chosen: 'nowhere', timeZone: 'Europe/London' }), 'uk');
});

test('tel: links keep digits and a leading plus only', () => {
  assert.equal(telHref('999'), 'tel:999');
  assert.equal(telHref('+44 20 7946 0000'), 'tel:+442079460000');
});
