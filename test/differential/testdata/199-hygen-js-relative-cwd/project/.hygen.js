module.exports = { cwd: "sub" }
