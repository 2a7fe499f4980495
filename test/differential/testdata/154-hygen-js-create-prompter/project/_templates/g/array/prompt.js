module.exports = [{ type: 'input', name: 'color', message: 'Color?' }]
