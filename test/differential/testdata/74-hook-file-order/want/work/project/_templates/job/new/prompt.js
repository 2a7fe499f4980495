throw new Error('prompt.js must not be loaded when index.js exists')
