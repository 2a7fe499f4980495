module.exports = [
  { type: 'input', name: 'title', message: 'Page title?' },
  { type: 'confirm', name: 'public', message: 'Public?' },
  { type: 'list', name: 'tags', message: 'Tags?' },
]
