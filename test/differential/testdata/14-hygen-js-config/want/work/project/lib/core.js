/* core by nobody, Apache-2.0 */
module.exports = {}
