/** punycode.js ships no types; the two functions we use. */
declare module 'punycode.js' {
  const punycode: {
    toUnicode(domain: string): string
    toASCII(domain: string): string
  }
  export default punycode
}
