module.exports = {
  helpers: {
    // change-case 5 splits words this way
    words: (s) => s.replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2').split(/[^\p{L}\p{N}]+/u).join('|'),
  },
}
