/**
 * Adds two numbers.
 * @param {number} a
 * @param {number} b
 */
export function add(a, b) {
  if (typeof a !== 'number' || typeof b !== 'number') {
    throw new TypeError('add takes numbers');
  }
  return a + b;
}

export function sub(a, b) {
  return a - b;
}

export function mul(a, b) {
  return a * b;
}

export function div(a, b) {
  if (b === 0) {
    throw new RangeError('division by zero');
  }
  return a / b;
}
