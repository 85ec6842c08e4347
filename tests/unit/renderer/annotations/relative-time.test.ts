import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fullDate, relativeTime } from '../../../../renderer/annotations/relative-time';

// Local times, as the reader's clock shows them; mid-June, far from daylight-saving changes.
const NOW = new Date(2024, 5, 12, 15, 30);

/** The ISO time of a local date-time, as the store records `updatedAt`. */
function at(month: number, day: number, hours: number, minutes = 0, year = 2024): string {
  return new Date(year, month, day, hours, minutes).toISOString();
}

function minutesBefore(minutes: number): string {
  return new Date(NOW.getTime() - minutes * 60_000).toISOString();
}

describe('relativeTime', () => {
  it('says "just now" for the last minute', () => {
    assert.equal(relativeTime(NOW.toISOString(), NOW), 'just now');
    assert.equal(relativeTime(new Date(NOW.getTime() - 59_999).toISOString(), NOW), 'just now');
  });

  it('says "just now" for a time slightly ahead of this clock (another machine\'s clock)', () => {
    assert.equal(relativeTime(new Date(NOW.getTime() + 5_000).toISOString(), NOW), 'just now');
  });

  it('counts whole minutes within the hour', () => {
    assert.equal(relativeTime(minutesBefore(1), NOW), '1 min ago');
    assert.equal(relativeTime(minutesBefore(5.9), NOW), '5 min ago');
    assert.equal(relativeTime(minutesBefore(59), NOW), '59 min ago');
  });

  it('counts whole hours earlier today', () => {
    assert.equal(relativeTime(minutesBefore(60), NOW), '1 h ago');
    assert.equal(relativeTime(at(5, 12, 0, 5), NOW), '15 h ago');
  });

  it('says "Yesterday" for any time on the day before, even less than a day ago', () => {
    assert.equal(relativeTime(at(5, 11, 23, 0), NOW), 'Yesterday');
    assert.equal(relativeTime(at(5, 11, 16, 0), NOW), 'Yesterday');
    assert.equal(relativeTime(at(5, 11, 0, 1), NOW), 'Yesterday');
    const justAfterMidnight = new Date(2024, 5, 12, 0, 20);
    assert.equal(relativeTime(at(5, 11, 23, 50), justAfterMidnight), '30 min ago', 'minutes win over the date change');
    assert.equal(relativeTime(at(5, 11, 21, 0), justAfterMidnight), 'Yesterday');
  });

  it('gives the date, not "Yesterday", for the day before yesterday, even less than two days ago', () => {
    const justAfterMidnight = new Date(2024, 5, 12, 0, 20);
    const text = relativeTime(at(5, 10, 23, 0), justAfterMidnight);
    assert.notEqual(text, 'Yesterday');
    assert.match(text, /\b10\b/);
  });

  it('gives the day and month, without the year, for earlier days this year', () => {
    const then = new Date(2024, 5, 10, 9, 0);
    const text = relativeTime(then.toISOString(), NOW);
    assert.notEqual(text, 'Yesterday');
    assert.match(text, /\b10\b/);
    assert.ok(text.includes(then.toLocaleDateString(undefined, { month: 'short' })), text);
    assert.doesNotMatch(text, /2024/);
    assert.doesNotMatch(text, /9:00|09:00/, 'no time of day');
  });

  it('adds the year for another year', () => {
    const then = new Date(2023, 11, 31, 23, 0);
    const newYear = new Date(2024, 0, 5, 12, 0);
    const text = relativeTime(then.toISOString(), newYear);
    assert.match(text, /\b31\b/);
    assert.match(text, /2023/);
  });

  it('says nothing for a date it cannot read', () => {
    assert.equal(relativeTime('not a date', NOW), '');
  });
});

describe('fullDate', () => {
  it('gives the whole date with the year and the time of day, for the tooltip', () => {
    const then = new Date(2023, 2, 14, 9, 41);
    const text = fullDate(then.toISOString());
    assert.match(text, /2023/);
    assert.match(text, /\b14\b/);
    assert.match(text, /41/);
    assert.ok(text.includes(then.toLocaleDateString(undefined, { weekday: 'long' })), text);
  });

  it('shows a value it cannot read as it is', () => {
    assert.equal(fullDate('sometime'), 'sometime');
  });
});
