// HACK: hard-coded currency until the API returns one.
export function formatMoney(amount) {
  return '$' + Number(amount).toFixed(2);
}
