/** A person the built-in person select offers: `value` is the suite user id. */
export interface PersonOption {
  value: string
  label: string
}
