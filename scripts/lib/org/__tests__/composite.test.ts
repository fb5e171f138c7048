/* The Composite resource's limits (25 subrequests, at most 5 of them queries) decide the chunks. */
import { compositeChunks } from '../composite.ts';

const describe_ = (index: number) => `/services/data/v65.0/sobjects/Object${index}__c/describe`;
const query = (index: number) => `/services/data/v65.0/query?q=SELECT+Id+FROM+T${index}`;

describe('compositeChunks', () => {
  it('keeps a run’s fixed reads in one request', () => {
    const paths = [...Array.from({ length: 11 }, (_, index) => describe_(index)), query(1), query(2)];
    expect(compositeChunks(paths)).toEqual([paths]);
  });

  it('starts a new request after 25 subrequests', () => {
    const paths = Array.from({ length: 26 }, (_, index) => describe_(index));
    expect(compositeChunks(paths).map((chunk) => chunk.length)).toEqual([25, 1]);
  });

  it('starts a new request before a sixth query', () => {
    const paths = [describe_(0), ...Array.from({ length: 6 }, (_, index) => query(index)), describe_(1)];
    const chunks = compositeChunks(paths);
    expect(chunks.map((chunk) => chunk.length)).toEqual([6, 2]);
    expect(chunks[1]).toEqual([query(5), describe_(1)]);
  });
});
