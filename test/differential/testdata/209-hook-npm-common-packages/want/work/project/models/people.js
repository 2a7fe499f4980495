// person created 2025-02-28, uuid valid: true, events: person
module.exports = { table: 'people' }
