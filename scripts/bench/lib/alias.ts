/*
 * Walker's alias method: after an O(n) setup, picks index i with probability weight[i] / Σ weight in
 * O(1) with one random number, so every generated row can name its partner from a skewed
 * distribution without any per-partner list of rows (memory stays proportional to partners).
 */

export interface AliasTable {
  /** An index drawn with probability proportional to its weight; `u` is uniform in [0, 1). */
  sample(u: number): number;
}

export function aliasTable(weights: ArrayLike<number>): AliasTable {
  const n = weights.length;
  if (n === 0) throw new Error('aliasTable() needs at least one weight');
  let total = 0;
  for (let index = 0; index < n; index++) total += weights[index];
  if (!(total > 0)) throw new Error('aliasTable() needs a positive total weight');
  const probability = new Float64Array(n);
  const alias = new Int32Array(n);
  const small = new Int32Array(n);
  const large = new Int32Array(n);
  let smallCount = 0;
  let largeCount = 0;
  for (let index = 0; index < n; index++) {
    probability[index] = (weights[index] * n) / total;
    if (probability[index] < 1) small[smallCount++] = index;
    else large[largeCount++] = index;
  }
  while (smallCount > 0 && largeCount > 0) {
    const less = small[--smallCount];
    const more = large[--largeCount];
    alias[less] = more;
    probability[more] = probability[more] + probability[less] - 1;
    if (probability[more] < 1) small[smallCount++] = more;
    else large[largeCount++] = more;
  }
  while (largeCount > 0) probability[large[--largeCount]] = 1;
  while (smallCount > 0) probability[small[--smallCount]] = 1;
  return {
    sample(u) {
      const scaled = u * n;
      const column = Math.floor(scaled);
      return scaled - column < probability[column] ? column : alias[column];
    }
  };
}
