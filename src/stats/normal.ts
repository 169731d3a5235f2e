/**
 * Quantiles of the standard normal distribution. simple-statistics 7 `probit` uses a closed-form
 * approximation of the inverse error function that gives 1.95716 for the 97.5 % point instead of
 * 1.95996, so intervals use Wichura's algorithm AS 241 here.
 */

const SPLIT_CENTRAL = 0.425;
const SPLIT_TAIL = 5;
const CENTRAL_OFFSET = 0.180625;
const TAIL_OFFSET = 1.6;

// Coefficients of PPND16 in Wichura, M. J. (1988), "Algorithm AS 241: The percentage points of the
// normal distribution", Applied Statistics 37(3), 477–484. Highest-degree coefficient first.
const CENTRAL_NUMERATOR = [
  2.5090809287301226727e3, 3.3430575583588128105e4, 6.7265770927008700853e4, 4.5921953931549871457e4,
  1.3731693765509461125e4, 1.9715909503065514427e3, 1.3314166789178437745e2, 3.387132872796366608,
];
const CENTRAL_DENOMINATOR = [
  5.226495278852854561e3, 2.8729085735721942674e4, 3.930789580009271061e4, 2.1213794301586595867e4,
  5.3941960214247511077e3, 6.871870074920579083e2, 4.2313330701600911252e1, 1,
];
const INTERMEDIATE_NUMERATOR = [
  7.7454501427834140764e-4, 2.27238449892691845833e-2, 2.4178072517745061177e-1, 1.27045825245236838258,
  3.64784832476320460504, 5.7694972214606914055, 4.6303378461565452959, 1.42343711074968357734,
];
const INTERMEDIATE_DENOMINATOR = [
  1.05075007164441684324e-9, 5.475938084995344946e-4, 1.51986665636164571966e-2, 1.4810397642748007459e-1,
  6.8976733498510000455e-1, 1.6763848301838038494, 2.05319162663775882187, 1,
];
const FAR_TAIL_NUMERATOR = [
  2.01033439929228813265e-7, 2.71155556874348757815e-5, 1.2426609473880784386e-3, 2.6532189526576123093e-2,
  2.9656057182850489123e-1, 1.7848265399172913358, 5.4637849111641143699, 6.6579046435011037772,
];
const FAR_TAIL_DENOMINATOR = [
  2.04426310338993978564e-15, 1.4215117583164458887e-7, 1.8463183175100546818e-5, 7.868691311456132591e-4,
  1.48753612908506148525e-2, 1.3692988092273580531e-1, 5.9983220655588793769e-1, 1,
];

/**
 * Computes the standard normal quantile Φ⁻¹(p) for p in (0, 1) with AS 241 PPND16, whose relative
 * error is about 1e-16. Throws a RangeError for p outside (0, 1).
 */
export function inverseNormalCdf(p: number): number {
  if (!(p > 0 && p < 1)) {
    throw new RangeError(`Normal quantile needs a probability strictly between 0 and 1, got ${p}.`);
  }

  const q = p - 0.5;
  if (Math.abs(q) <= SPLIT_CENTRAL) {
    const r = CENTRAL_OFFSET - q * q;
    return (q * evaluatePolynomial(CENTRAL_NUMERATOR, r)) / evaluatePolynomial(CENTRAL_DENOMINATOR, r);
  }

  const tailArea = q < 0 ? p : 1 - p;
  const r = Math.sqrt(-Math.log(tailArea));
  const magnitude =
    r <= SPLIT_TAIL
      ? evaluatePolynomial(INTERMEDIATE_NUMERATOR, r - TAIL_OFFSET) / evaluatePolynomial(INTERMEDIATE_DENOMINATOR, r - TAIL_OFFSET)
      : evaluatePolynomial(FAR_TAIL_NUMERATOR, r - SPLIT_TAIL) / evaluatePolynomial(FAR_TAIL_DENOMINATOR, r - SPLIT_TAIL);

  return q < 0 ? -magnitude : magnitude;
}

/**
 * Returns the two-sided critical value z for a confidence level, Φ⁻¹(1 − (1 − confidence) / 2):
 * 1.959964 for 0.95. Throws a RangeError for a confidence outside (0, 1).
 */
export function zForConfidence(confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`Confidence must be strictly between 0 and 1, got ${confidence}. Pass 0.95 for a 95% interval.`);
  }

  return inverseNormalCdf(1 - (1 - confidence) / 2);
}

/** Evaluates a polynomial by Horner's rule; `coefficients` start with the highest degree. */
function evaluatePolynomial(coefficients: readonly number[], x: number): number {
  let value = 0;
  for (const coefficient of coefficients) {
    value = value * x + coefficient;
  }
  return value;
}
