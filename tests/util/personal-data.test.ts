import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../../src/util/personal-data.js';

const harmless = [
  '2026-06-12', '12/06/2026', '12.06.2026', 'MoH 04-112', 'Act No. 12 of 2024', 'Ordinance No. 2 of 2026', 'USD 2500000',
  'USD 250000000', 'USD 123456789', '2,500,000', '2 500 000', '12 500 000', 'EUR 1 200 000', 'PT72H', '72 hours', 'P3M', 'within 24 hours',
  '2026-2030', '2026 – 2030', 'Mon-Fri 08:00-17:00', 'a-2026-06-01-02', 'b-2026-08-10-1', 'cr-2026-08-10-1', 'Section 3.2.1',
  'ISO 27001', '3.14159265', '10-20 per cent', 'from 2026-06-12 to 2026-07-01', '2026-06-12 2026-07-01', 'version 2.1.0',
  'amount: 2500000', '45%', 'a budget of 1500000000', 'Regulation 2025/12', 'Article 12(3) of the Act',
];
const personal: [string, string, string][] = [
  ['Call the duty officer on +000 555 0199 for details.', 'phone number', '+000 555 0199'],
  ['call +44 20 7946 0958.', 'phone number', '+44 20 7946 0958'],
  ['(021) 555-0199', 'phone number', '(021) 555-0199'],
  ['ring 555-0199 today', 'phone number', '555-0199'],
  ['tel. 0812 3456 7890', 'phone number', '0812 3456 7890'],
  ['write to dvu@police.example.', 'e-mail address', 'dvu@police.example'],
  ['jane.doe@mail.example.org', 'e-mail address', 'jane.doe@mail.example.org'],
  ['ID 850101-1234567', 'identity number', '850101-1234567'],
  ['SSN 123-45-6789', 'phone number', '123-45-6789'],
  ['NINO AB123456C', 'identity number', 'AB123456C'],
  ['number 1234567890', 'identity number', '1234567890'],
];

describe('findPersonalData', () => {
  for (const text of harmless) {
    it(`finds nothing in ${JSON.stringify(text)}`, () => expect(findPersonalData(text)).toEqual([]));
  }
  for (const [text, kind, found] of personal) {
    it(`finds the ${kind} in ${JSON.stringify(text)}`, () => {
      const matches = findPersonalData(text);
      expect(matches.map((m) => [m.kind, m.text])).toEqual([[kind, found]]);
      expect(text.slice(matches[0]?.start, matches[0]?.end)).toBe(found);
    });
  }
});
